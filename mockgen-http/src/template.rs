//! Path templates: `/users/{id}/posts`, `/files/{*path}`, and an optional
//! query (`/search?q=rust`) that the request must carry.

use percent_encoding::percent_decode_str;

/// A parsed path template.
#[derive(Debug)]
pub(crate) struct Template {
    text: String,
    segments: Vec<Segment>,
    query: Vec<(String, String)>,
}

#[derive(Debug, PartialEq)]
enum Segment {
    Literal(String),
    /// `{name}`: one segment.
    Param(String),
    /// `{*name}`: the rest of the path, slashes included (last only).
    Rest(String),
}

impl Template {
    /// Parses `template`.
    ///
    /// # Panics
    ///
    /// When it does not start with `/`, has an empty or unclosed `{}`, or a
    /// `{*rest}` before the last segment.
    #[track_caller]
    pub(crate) fn parse(template: &str) -> Template {
        let fail = |why: &str| -> ! { panic!("the route path `{template}` {why}") };
        let (path, query) = template.split_once('?').unwrap_or((template, ""));
        if !path.starts_with('/') {
            fail("must start with `/`");
        }
        let parts: Vec<&str> = path[1..].split('/').collect();
        let mut segments = Vec::with_capacity(parts.len());
        for (index, part) in parts.iter().enumerate() {
            let segment = match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                Some(name) if name.starts_with('*') && index + 1 != parts.len() => {
                    fail("has `{*…}` before its last segment")
                }
                Some(name) => match name.strip_prefix('*') {
                    Some("") => fail("has an empty `{*}`"),
                    Some(rest) => Segment::Rest(rest.to_owned()),
                    None if name.is_empty() => fail("has an empty `{}`"),
                    None => Segment::Param(name.to_owned()),
                },
                None if part.contains(['{', '}']) => {
                    fail("has a `{` or `}` that is not a whole segment like `{id}`")
                }
                None => Segment::Literal((*part).to_owned()),
            };
            segments.push(segment);
        }
        Template {
            text: template.to_owned(),
            segments,
            query: form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        }
    }

    /// The template as written.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The query pairs the template requires.
    pub(crate) fn query(&self) -> &[(String, String)] {
        &self.query
    }

    /// The path parameters when `path` fits, decoded.
    pub(crate) fn matches(&self, path: &str) -> Option<Vec<(String, String)>> {
        let mut params = Vec::new();
        let mut rest = path.strip_prefix('/')?;
        for (index, segment) in self.segments.iter().enumerate() {
            let last = index + 1 == self.segments.len();
            if let Segment::Rest(name) = segment {
                params.push((name.clone(), decode(rest)));
                return Some(params);
            }
            let (part, tail) = match rest.split_once('/') {
                Some((part, tail)) if !last => (part, Some(tail)),
                Some(_) => return None,
                None if last => (rest, None),
                None => return None,
            };
            match segment {
                Segment::Literal(literal) if *literal == part || decode(part) == *literal => {}
                Segment::Param(name) if !part.is_empty() => {
                    params.push((name.clone(), decode(part)))
                }
                _ => return None,
            }
            rest = tail.unwrap_or("");
        }
        Some(params)
    }

    /// How far `path` is from fitting, in segments: 0 when it fits.
    pub(crate) fn distance(&self, path: &str) -> usize {
        if self.matches(path).is_some() {
            return 0;
        }
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let differing = self
            .segments
            .iter()
            .zip(&parts)
            .filter(|(segment, part)| match segment {
                Segment::Literal(literal) => literal != *part,
                Segment::Param(_) => part.is_empty(),
                Segment::Rest(_) => false,
            })
            .count();
        differing + self.segments.len().abs_diff(parts.len()) + 1
    }
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::Template;

    fn params(template: &str, path: &str) -> Option<Vec<(String, String)>> {
        Template::parse(template).matches(path)
    }

    #[test]
    fn literal_and_parameter_segments() {
        assert_eq!(params("/users", "/users"), Some(vec![]));
        assert_eq!(params("/users", "/users/"), None);
        assert_eq!(params("/users", "/user"), None);
        assert_eq!(
            params("/users/{id}/posts", "/users/7/posts"),
            Some(vec![("id".into(), "7".into())])
        );
        assert_eq!(params("/users/{id}", "/users/"), None);
        assert_eq!(params("/users/{id}", "/users/7/posts"), None);
        assert_eq!(
            params("/users/{name}", "/users/Ada%20L"),
            Some(vec![("name".into(), "Ada L".into())])
        );
        assert_eq!(params("/", "/"), Some(vec![]));
    }

    #[test]
    fn rest_takes_the_remaining_path() {
        assert_eq!(
            params("/files/{*path}", "/files/a/b.txt"),
            Some(vec![("path".into(), "a/b.txt".into())])
        );
    }

    #[test]
    fn a_query_in_the_template_is_kept_apart() {
        let template = Template::parse("/search?q=rust&page=2");
        assert_eq!(
            template.query(),
            [("q".into(), "rust".into()), ("page".into(), "2".into())]
        );
        assert!(template.matches("/search").is_some());
    }

    #[test]
    fn distance_counts_differing_segments() {
        let template = Template::parse("/users/{id}");
        assert_eq!(template.distance("/users/3"), 0);
        assert!(template.distance("/user/3") < template.distance("/orders/3/items"));
    }

    #[test]
    #[should_panic(expected = "the route path `users` must start with `/`")]
    fn a_template_starts_with_a_slash() {
        Template::parse("users");
    }

    #[test]
    #[should_panic(expected = "has `{*…}` before its last segment")]
    fn rest_is_last() {
        Template::parse("/files/{*path}/meta");
    }

    #[test]
    #[should_panic(expected = "is not a whole segment")]
    fn braces_are_whole_segments() {
        Template::parse("/files/v{version}");
    }
}
