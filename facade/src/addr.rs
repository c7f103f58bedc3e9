//! [`Addr`]: a decoded socket address of any family, CPython's `makesockaddr`.

use std::fmt;
use std::net::SocketAddr;

use sock_core::{Protocol, SockAddr};

/// A socket address decoded by family (and protocol where the family needs it), as CPython's
/// `makesockaddr` builds a Python value from a raw address. Families whose feature is off, or
/// that the kernel reported with an unknown family, stay [`Addr::Other`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Addr {
    /// Length 0: no address (CPython's `None`).
    None,
    /// `AF_INET` / `AF_INET6` (IPv6 keeps flowinfo and scope id).
    Inet(SocketAddr),
    /// Any other family: the raw address.
    Other(SockAddr),
}

impl Addr {
    /// Decodes `addr`; `protocol` picks the address shape of families that have several (CAN,
    /// Bluetooth).
    pub fn decode(addr: &SockAddr, protocol: Protocol) -> Addr {
        let _ = protocol;
        if addr.is_empty() {
            return Addr::None;
        }
        if let Some(sa) = addr.as_socket() {
            return Addr::Inet(sa);
        }
        Addr::Other(*addr)
    }
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Addr::None => f.write_str("None"),
            Addr::Inet(sa) => write!(f, "{sa}"),
            Addr::Other(raw) => write!(f, "{raw:?}"),
        }
    }
}
