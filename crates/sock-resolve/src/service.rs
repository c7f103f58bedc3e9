//! [`Service`]: the `port` argument of `getaddrinfo`.

/// The service (`port`) argument of [`getaddrinfo`](crate::getaddrinfo): nothing (NULL to
/// libc), a port number, or a service name such as `"http"` (digits are a number too).
///
/// A number is passed to libc as its decimal text, as CPython does, so libc decides what it
/// means for each socket type.
///
/// ```
/// use sock_resolve::Service;
/// assert_eq!(Service::from(80), Service::Port(80));
/// assert_eq!(Service::from("http"), Service::Name("http"));
/// assert_eq!(Service::from(None::<u16>), Service::None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Service<'a> {
    /// No service: the results carry port 0.
    #[default]
    None,
    /// A port number.
    Port(u16),
    /// A service name or a decimal number as text.
    Name(&'a str),
}

impl Service<'_> {
    /// The port, if this service is a number (or a name made of decimal digits that fits a
    /// `u16`).
    pub fn numeric(&self) -> Option<u16> {
        match *self {
            Service::Port(p) => Some(p),
            Service::Name(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
            _ => None,
        }
    }
}

impl From<u16> for Service<'_> {
    fn from(port: u16) -> Self {
        Service::Port(port)
    }
}

impl<'a> From<&'a str> for Service<'a> {
    fn from(name: &'a str) -> Self {
        Service::Name(name)
    }
}

impl<'a> From<&'a String> for Service<'a> {
    fn from(name: &'a String) -> Self {
        Service::Name(name)
    }
}

impl<'a, T: Into<Service<'a>>> From<Option<T>> for Service<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Service::None, Into::into)
    }
}
