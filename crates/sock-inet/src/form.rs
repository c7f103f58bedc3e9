//! Python's address tuples as socket method arguments: `(host, port)` as a tuple, and
//! `(host, port, flowinfo, scope_id)` as [`HostPortV6`], resolved against the socket's family.
//!
//! The four-element form is a named type rather than a tuple because `(&str, int, int, int)`
//! is also CAN J1939's address shape: with both families enabled, a tuple of untyped integer
//! literals would be ambiguous, and enabling a feature must never break a build.

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::host::host_address;

/// The marker of this crate's [`ToSockAddr`] impls for tuples (see `ToSockAddr`'s docs):
/// `(&str, u16)` and `(String, u16)`. (The named forms are [`HostPort`] and, for CPython's
/// 4-tuple, [`HostPortV6`].)
/// It has no values; it only keeps the impls apart from other families' ones.
///
/// ```no_run
/// use sock::{Socket, Family, Type};
/// use sock::inet as _; // the impls live in this crate: it must be linked
/// let s = Socket::new(Family::INET6, Type::STREAM, None)?;
/// s.bind(("", 0))?;                          // "::" on an INET6 socket
/// s.connect(("localhost", 8080))?;           // resolved for AF_INET6
/// s.connect(sock::inet::HostPortV6("fe80::1%eth0", 8080, 0, 0))?;  // host, port, flowinfo, scope_id
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
        HostPort(self.0.as_str(), self.1).to_sock_addr(socket)
    }
}

/// CPython's `(host, port)` as a named type: the same as the tuple, for where a tuple would be
/// ambiguous (a generic `impl ToSockAddr<M>` with several families enabled) or a name reads
/// better.
///
/// ```
/// use sock::{Family, Socket, Type};
/// use sock::inet::HostPort;
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// s.bind(HostPort("127.0.0.1", 0))?;
/// assert!(sock::inet::decode(&s.local_addr()?)?.ip().is_loopback());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostPort<'a>(pub &'a str, pub u16);

impl ToSockAddr for HostPort<'_> {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        host_address(socket.family(), self.0, self.1, None).map(SockAddr::from)
    }
}

/// CPython's `(host, port, flowinfo, scope_id)` for AF_INET6 sockets: the host is resolved
/// as for `(host, port)` (a `%scope` suffix is honoured unless `scope_id` is non-zero);
/// flowinfo above 0xfffff, or this form on an AF_INET socket, is `InvalidInput`.
///
/// ```no_run
/// use sock::{Family, Socket, Type};
/// use sock::inet::HostPortV6;
/// let s = Socket::new(Family::INET6, Type::DGRAM, None)?;
/// s.bind(HostPortV6("::1", 0, 0, 0))?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostPortV6<'a>(pub &'a str, pub u16, pub u32, pub u32);

impl ToSockAddr for HostPortV6<'_> {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        host_address(socket.family(), self.0, self.1, Some((self.2, self.3))).map(SockAddr::from)
    }
}
