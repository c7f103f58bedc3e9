//! Python's address tuples as socket method arguments: `(host, port)` and
//! `(host, port, flowinfo, scope_id)`, resolved against the socket's family.

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::host::host_address;

/// The marker of this crate's [`ToSockAddr`] impls for tuples (see `ToSockAddr`'s docs):
/// `(&str, u16)`, `(String, u16)`, `(&str, u16, u32, u32)` and `(String, u16, u32, u32)`.
/// It has no values; it only keeps the impls apart from other families' ones.
///
/// ```no_run
/// use sock_core::{Socket, Family, Type};
/// use sock_inet as _; // the impls live in this crate: it must be linked
/// let s = Socket::new(Family::INET6, Type::STREAM, None)?;
/// s.bind(("", 0))?;                          // "::" on an INET6 socket
/// s.connect(("localhost", 8080))?;           // resolved for AF_INET6
/// s.connect(("fe80::1%eth0", 8080, 0, 0))?;  // host, port, flowinfo, scope_id
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub enum InetForm {}

impl ToSockAddr<InetForm> for (&str, u16) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        host_address(socket.family(), self.0, self.1, None).map(SockAddr::from)
    }
}

impl ToSockAddr<InetForm> for (String, u16) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        (self.0.as_str(), self.1).to_sock_addr(socket)
    }
}

impl ToSockAddr<InetForm> for (&str, u16, u32, u32) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        host_address(socket.family(), self.0, self.1, Some((self.2, self.3))).map(SockAddr::from)
    }
}

impl ToSockAddr<InetForm> for (String, u16, u32, u32) {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        (self.0.as_str(), self.1, self.2, self.3).to_sock_addr(socket)
    }
}
