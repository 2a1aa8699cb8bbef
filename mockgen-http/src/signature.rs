//! The signature of a route, as mockgen's runtime sees it: one argument,
//! the [`Request`], answered with a [`Response`].

use mockgen::signature::{Arg, Arity1, Sig1};
use mockgen::{ArgView, RecordOf, Signature, Val};

use crate::request::Request;
use crate::response::Response;

/// The signature marker of every route handle: `fn(&Request) -> Response`.
#[doc(hidden)]
#[derive(Debug)]
pub enum RouteCall {}

impl Signature for RouteCall {
    type Arity = Arity1;
    type Args = (Val<Request>,);
    type Output = Response;
    type Fn = dyn for<'a0> Fn(&'a0 Request) -> Response + Send + Sync;
    const NAME: &'static str = "route";
    const OUTPUT: &'static str = "Response";

    /// An unconfigured route answers `200 OK` with an empty body.
    fn default_output() -> Option<Response> {
        Some(Response::default())
    }

    fn visit_args<'r>(record: &'r RecordOf<Self>, each: &mut dyn FnMut(ArgView<'r>)) {
        each(ArgView::__new(&record.0, Some(&record.0)));
    }
}

impl<'a0, 'b0> Arg<'a0, 'b0, 0> for RouteCall {
    type Ty = &'a0 Request;
}

impl Sig1 for RouteCall {
    fn boxed<C>(closure: C) -> Box<Self::Fn>
    where
        C: for<'a0, 'b0> Fn(&'a0 Request) -> Response + Send + Sync + 'static,
    {
        Box::new(closure)
    }
}
