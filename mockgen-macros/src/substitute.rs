//! Generic parameters replaced by arguments: what a generic associated
//! type (`type Item<'a> = &'a str;`) becomes where a signature names it
//! (`Self::Item<'b>` is `&'b str`).

use proc_macro2::TokenStream;
use quote::ToTokens as _;
use syn::visit_mut::VisitMut;
use syn::{Expr, GenericArgument, GenericParam, Generics, Ident, Lifetime, Type};

/// Each parameter of some generics, paired with what replaces it.
pub(crate) struct Substitution {
    lifetimes: Vec<(Ident, Lifetime)>,
    /// Type and const parameters, by the tokens of their argument (a const
    /// argument may appear where a type or an expression is written).
    values: Vec<(Ident, TokenStream)>,
}

impl Substitution {
    /// `params` replaced positionally by `args`; parameters beyond the
    /// arguments stay as they are (Rust reports the missing arguments).
    pub(crate) fn new<'a>(
        params: &Generics,
        args: impl IntoIterator<Item = &'a GenericArgument>,
    ) -> Self {
        let mut lifetimes = Vec::new();
        let mut values = Vec::new();
        for (param, arg) in params.params.iter().zip(args) {
            match (param, arg) {
                (GenericParam::Lifetime(p), GenericArgument::Lifetime(arg)) => {
                    lifetimes.push((p.lifetime.ident.clone(), arg.clone()));
                }
                (GenericParam::Type(p), arg) => {
                    values.push((p.ident.clone(), arg.to_token_stream()))
                }
                (GenericParam::Const(p), arg) => {
                    values.push((p.ident.clone(), arg.to_token_stream()))
                }
                _ => {}
            }
        }
        Substitution { lifetimes, values }
    }

    /// `from`'s parameters renamed to `to`'s, position by position (the
    /// trait's `where Self: 'a` written with the attribute's names).
    pub(crate) fn renaming(from: &Generics, to: &Generics) -> Self {
        let args: Vec<GenericArgument> = to
            .params
            .iter()
            .map(|param| match param {
                GenericParam::Lifetime(p) => GenericArgument::Lifetime(p.lifetime.clone()),
                GenericParam::Type(p) => {
                    let ident = &p.ident;
                    GenericArgument::Type(syn::parse_quote!(#ident))
                }
                GenericParam::Const(p) => {
                    let ident = &p.ident;
                    GenericArgument::Type(syn::parse_quote!(#ident))
                }
            })
            .collect();
        Substitution::new(from, &args)
    }

    pub(crate) fn ty(&mut self, ty: &Type) -> Type {
        let mut ty = ty.clone();
        self.visit_type_mut(&mut ty);
        ty
    }

    fn value(&self, ident: &Ident) -> Option<&TokenStream> {
        self.values
            .iter()
            .find(|(param, _)| param == ident)
            .map(|(_, value)| value)
    }
}

impl VisitMut for Substitution {
    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if let Some((_, arg)) = self.lifetimes.iter().find(|(p, _)| *p == lifetime.ident) {
            *lifetime = arg.clone();
        }
    }

    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::Path(path) = ty {
            if let Some(ident) = path.path.get_ident().filter(|_| path.qself.is_none()) {
                if let Some(value) = self.value(ident) {
                    *ty = syn::parse2(value.clone()).unwrap_or(Type::Verbatim(value.clone()));
                    return;
                }
            }
        }
        syn::visit_mut::visit_type_mut(self, ty);
    }

    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Path(path) = expr {
            if let Some(ident) = path.path.get_ident().filter(|_| path.qself.is_none()) {
                if let Some(value) = self.value(ident) {
                    *expr = syn::parse2(value.clone()).unwrap_or(Expr::Verbatim(value.clone()));
                    return;
                }
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }
}
