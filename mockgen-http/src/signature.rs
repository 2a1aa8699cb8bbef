//! The signature of a route, as mockgen's runtime sees it: one argument,
//! the [`Request`], answered with a [`Response`].

use mockgen::signature::{Arity1, Sig1};
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

impl Sig1 for RouteCall {
    type A0<'a0> = &'a0 Request;

    fn boxed<C>(closure: C) -> Box<Self::Fn>
    where
        C: for<'a0> Fn(&'a0 Request) -> Response + Send + Sync + 'static,
    {
        Box::new(closure)
    }
}
