//! [`Service`]: the `port` argument of `getaddrinfo`.

use std::fmt;

/// The service (`port`) argument of [`getaddrinfo`](crate::getaddrinfo): nothing (NULL to
/// libc), a port number, or a service name such as `"http"` (digits are a number too).
///
/// A number is passed to libc as its decimal text, as CPython does, so libc decides what it
/// means for each socket type.
///
/// ```
/// use sock::Service;
/// assert_eq!(Service::from(80), Service::Port(80));
/// assert_eq!(Service::from("http"), Service::Name("http"));
/// assert_eq!(Service::from(None::<u16>), Service::None);
/// let infos = sock::getaddrinfo(Some("127.0.0.1"), Service::Name("80"), 0, sock::consts::SOCK_STREAM, 0, 0)?;
/// assert_eq!(infos[0].addr.port(), 80);
/// # Ok::<(), std::io::Error>(())
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
    ///
    /// ```
    /// use sock::Service;
    /// assert_eq!(Service::Name("0443").numeric(), Some(443));
    /// assert_eq!(Service::Name("https").numeric(), None);
    /// ```
    pub fn numeric(&self) -> Option<u16> {
        match *self {
            Service::Port(p) => Some(p),
            Service::Name(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s.parse().ok(),
            _ => None,
        }
    }
}

/// The number or the name as given; nothing for [`Service::None`].
///
/// ```
/// assert_eq!(sock::Service::Port(80).to_string(), "80");
/// assert_eq!(sock::Service::Name("http").to_string(), "http");
/// ```
impl fmt::Display for Service<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Service::None => Ok(()),
            Service::Port(port) => write!(f, "{port}"),
            Service::Name(name) => f.write_str(name),
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
