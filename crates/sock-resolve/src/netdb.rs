//! The services and protocols databases: [`getservbyname`], [`getservbyport`],
//! [`getprotobyname`].

use std::fmt;
use std::io;

use sock_core::{ErrorContext, Protocol};

use crate::sys::{self, c_string};

/// A lookup of `op` that found nothing: `NotFound`, `{op} {target}: {text}`.
#[cold]
fn not_found(op: &'static str, target: impl fmt::Display, text: &'static str) -> io::Error {
    ErrorContext::new(io::Error::new(io::ErrorKind::NotFound, text), target).operation(op).into()
}

/// `name/proto`, or `name` without a protocol: what a services lookup asked for.
struct Query<'a, T>(T, Option<&'a str>);

impl<T: fmt::Display> fmt::Display for Query<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(proto) => write!(f, "{}/{proto}", self.0),
            None => write!(f, "{}", self.0),
        }
    }
}

/// `socket.getservbyname(name, proto=None)`: the port of a service (`"http"` → 80).
/// `proto` (`"tcp"`, `"udp"`) narrows the match.
///
/// Errors: an unknown service is `NotFound`, `getservbyname gopher/udp: service/proto not
/// found` (CPython's text after the name); a NUL in `name` or `proto` is `InvalidInput`
/// naming it.
///
/// ```
/// assert_eq!(sock::getservbyname("http", Some("tcp"))?, 80);
/// let err = sock::getservbyname("no-such-service", None).unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
/// assert_eq!(err.to_string(), "getservbyname no-such-service: service/proto not found");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getservbyname(name: &str, proto: Option<&str>) -> io::Result<u16> {
    let c_name = c_string("name", name)?;
    let c_proto = proto.map(|p| c_string("proto", p)).transpose()?;
    sys::serv_by_name(&c_name, c_proto.as_deref())?
        .ok_or_else(|| not_found("getservbyname", Query(name, proto), "service/proto not found"))
}

/// `socket.getservbyport(port, proto=None)`: the name of the service on a port (80 →
/// `"http"`). CPython's 0–65535 range check is the `u16` type.
///
/// Errors: an unknown port is `NotFound`, `getservbyport 0/udp: port/proto not found`; a NUL
/// in `proto` is `InvalidInput` naming it.
///
/// ```
/// assert_eq!(sock::getservbyport(443, Some("tcp"))?, "https");
/// assert_eq!(sock::getservbyport(0, Some("udp")).unwrap_err().to_string(), "getservbyport 0/udp: port/proto not found");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getservbyport(port: u16, proto: Option<&str>) -> io::Result<String> {
    let c_proto = proto.map(|p| c_string("proto", p)).transpose()?;
    sys::serv_by_port(port, c_proto.as_deref())?
        .ok_or_else(|| not_found("getservbyport", Query(port, proto), "port/proto not found"))
}

/// `socket.getprotobyname(name)`: a protocol number (`"icmp"` → 1) as a [`Protocol`], which
/// goes straight to `Socket::new`.
///
/// Errors: an unknown name is `NotFound`, `getprotobyname nope: protocol not found`; a NUL is
/// `InvalidInput` naming `name`.
///
/// ```
/// use sock::{Family, Protocol, Socket, Type};
/// let tcp = sock::getprotobyname("tcp")?;
/// assert_eq!(tcp, Protocol::TCP);
/// let s = Socket::new(Family::INET, Type::STREAM, tcp)?;
/// assert_eq!(s.protocol(), Protocol::TCP);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getprotobyname(name: &str) -> io::Result<Protocol> {
    let c_name = c_string("name", name)?;
    let found = sys::proto_by_name(&c_name)?;
    found.map(Protocol).ok_or_else(|| not_found("getprotobyname", name, "protocol not found"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_entries() {
        assert_eq!(getservbyname("http", Some("tcp")).unwrap(), 80);
        assert_eq!(getservbyname("domain", None).unwrap(), 53);
        assert_eq!(getservbyport(443, Some("tcp")).unwrap(), "https");
        assert_eq!(getprotobyname("icmp").unwrap(), Protocol(1));
        assert_eq!(getprotobyname("tcp").unwrap(), Protocol::TCP);
        assert_eq!(getservbyname("no-such-service", None).unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(getprotobyname("nope").unwrap_err().to_string(), "getprotobyname nope: protocol not found");
        assert_eq!(
            getservbyname("no-such-service", Some("udp")).unwrap_err().to_string(),
            "getservbyname no-such-service/udp: service/proto not found"
        );
        let port = getservbyport(0, Some("udp")).unwrap_err();
        assert_eq!(
            (port.kind(), port.to_string().as_str()),
            (io::ErrorKind::NotFound, "getservbyport 0/udp: port/proto not found")
        );
    }

    /// A NUL in any name is `InvalidInput` naming the argument (C would cut "http\0x" to
    /// "http" and find it).
    #[test]
    fn nul_in_names() {
        let err = |r: io::Error| (r.kind(), r.to_string());
        let nul = |arg: &str| (io::ErrorKind::InvalidInput, format!("{arg}: embedded null character"));
        assert_eq!(err(getservbyname("http\0x", None).unwrap_err()), nul("name"));
        assert_eq!(err(getservbyname("http", Some("tcp\0x")).unwrap_err()), nul("proto"));
        assert_eq!(err(getservbyport(80, Some("tcp\0x")).unwrap_err()), nul("proto"));
        assert_eq!(err(getprotobyname("tcp\0x").unwrap_err()), nul("name"));
    }
}
