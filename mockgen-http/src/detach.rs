//! Copies of what hyper lends out of a connection's read buffer.
//!
//! hyper hands out a request's header values and body as slices of the
//! buffer it reads the connection into. A recorded request that kept those
//! slices would keep the whole buffer (8 KiB or more) alive for as long as
//! the recording, and the connection would have to allocate a new buffer
//! for each request. Copied out, a recorded request keeps only its own
//! bytes, and the connection reads every request into the same buffer.

use bytes::Bytes;
use hyper::HeaderMap;
use hyper::header::HeaderValue;

/// The headers, with their values copied into one allocation of their own.
pub(crate) fn headers(lent: HeaderMap) -> HeaderMap {
    let total = lent.values().map(HeaderValue::len).sum();
    let mut copied = Vec::with_capacity(total);
    for value in lent.values() {
        copied.extend_from_slice(value.as_bytes());
    }
    let copied = Bytes::from(copied);
    let mut owned = HeaderMap::with_capacity(lent.len());
    let mut start = 0;
    let mut name = None;
    for (next_name, value) in lent {
        // `into_iter` names only the first value of each header.
        name = next_name.or(name);
        let Some(name) = &name else { continue };
        let end = start + value.len();
        let mut copy = HeaderValue::from_maybe_shared(copied.slice(start..end))
            .expect("invariant: the bytes of a valid header value are one");
        copy.set_sensitive(value.is_sensitive());
        owned.append(name.clone(), copy);
        start = end;
    }
    owned
}

/// The body, copied unless it is already its own allocation (a body that
/// came in several chunks was put together in a new one).
pub(crate) fn body(lent: Bytes) -> Bytes {
    if lent.is_empty() || lent.is_unique() {
        lent
    } else {
        Bytes::copy_from_slice(&lent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::{ACCEPT, AUTHORIZATION};

    #[test]
    fn headers_keep_names_order_repeats_and_sensitivity() {
        let buffer = Bytes::from(b"a/b;c/dBearer t".to_vec());
        let mut lent = HeaderMap::new();
        lent.append(
            ACCEPT,
            HeaderValue::from_maybe_shared(buffer.slice(0..3)).unwrap(),
        );
        lent.append(
            ACCEPT,
            HeaderValue::from_maybe_shared(buffer.slice(4..7)).unwrap(),
        );
        let mut token = HeaderValue::from_maybe_shared(buffer.slice(7..)).unwrap();
        token.set_sensitive(true);
        lent.append(AUTHORIZATION, token);
        lent.append("x-empty", HeaderValue::from_static(""));

        let owned = headers(lent.clone());

        assert_eq!(owned, lent);
        let accepts: Vec<_> = owned.get_all(ACCEPT).iter().collect();
        assert_eq!(accepts, ["a/b", "c/d"]);
        assert!(owned[AUTHORIZATION].is_sensitive());
        let lent_range = buffer.as_ptr_range();
        for value in owned.values() {
            assert!(!lent_range.contains(&value.as_bytes().as_ptr()));
        }
    }

    #[test]
    fn a_body_sliced_from_a_shared_buffer_is_copied() {
        let buffer = Bytes::from(b"GET / HTTP/1.1\r\n\r\nhello".to_vec());
        let lent = buffer.slice(18..);
        let owned = body(lent.clone());
        assert_eq!(owned, "hello");
        assert!(owned.is_unique());
        drop(buffer);
        let unique = Bytes::from(b"world".to_vec());
        let pointer = unique.as_ptr();
        assert_eq!(body(unique).as_ptr(), pointer);
    }
}
