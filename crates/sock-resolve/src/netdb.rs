//! The services and protocols databases: [`getservbyname`], [`getservbyport`],
//! [`getprotobyname`].

use std::io;

use libc::c_int;

use crate::sys::{self, c_string};

fn not_found(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, what.to_owned())
}

/// `socket.getservbyname(name, proto=None)`: the port of a service (`"http"` → 80).
/// `proto` (`"tcp"`, `"udp"`) narrows the match. Unknown: `NotFound`
/// ("service/proto not found").
///
/// ```
/// assert_eq!(sock_resolve::getservbyname("http", Some("tcp"))?, 80);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getservbyname(name: &str, proto: Option<&str>) -> io::Result<u16> {
    let name = c_string("name", name)?;
    let proto = proto.map(|p| c_string("proto", p)).transpose()?;
    sys::serv_by_name(&name, proto.as_deref())?.ok_or_else(|| not_found("service/proto not found"))
}

/// `socket.getservbyport(port, proto=None)`: the name of the service on a port (80 →
/// `"http"`). CPython's 0–65535 range check is the `u16` type. Unknown: `NotFound`
/// ("port/proto not found").
pub fn getservbyport(port: u16, proto: Option<&str>) -> io::Result<String> {
    let proto = proto.map(|p| c_string("proto", p)).transpose()?;
    sys::serv_by_port(port, proto.as_deref())?.ok_or_else(|| not_found("port/proto not found"))
}

/// `socket.getprotobyname(name)`: a protocol number (`"icmp"` → 1), for `Socket::new`.
/// Unknown: `NotFound` ("protocol not found").
pub fn getprotobyname(name: &str) -> io::Result<c_int> {
    let name = c_string("name", name)?;
    sys::proto_by_name(&name)?.ok_or_else(|| not_found("protocol not found"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_entries() {
        assert_eq!(getservbyname("http", Some("tcp")).unwrap(), 80);
        assert_eq!(getservbyname("domain", None).unwrap(), 53);
        assert_eq!(getservbyport(443, Some("tcp")).unwrap(), "https");
        assert_eq!(getprotobyname("icmp").unwrap(), 1);
        assert_eq!(getprotobyname("tcp").unwrap(), 6);
        assert_eq!(getservbyname("no-such-service", None).unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(getprotobyname("nope").unwrap_err().to_string(), "protocol not found");
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
