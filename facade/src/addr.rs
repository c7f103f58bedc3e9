//! [`Addr`]: a decoded socket address of any family, CPython's `makesockaddr`.

use std::fmt;
use std::net::SocketAddr;

use sock_core::{consts, Protocol, SockAddr};

/// A socket address decoded by family (and by protocol where the family has several address
/// shapes: CAN, Bluetooth), as CPython's `makesockaddr` builds a Python value from a raw
/// address. A family whose feature is off, an unknown family, or bytes that do not decode stay
/// [`Addr::Other`] with the raw address, never an error.
///
/// ```
/// use sock::{Addr, Protocol, SockAddr};
/// let raw = SockAddr::from("[::1]:8080".parse::<std::net::SocketAddr>().unwrap());
/// assert_eq!(Addr::decode(&raw, Protocol::DEFAULT).to_string(), "[::1]:8080");
/// assert_eq!(Addr::decode(&SockAddr::empty(), Protocol::DEFAULT), Addr::None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Addr {
    /// Length 0: no address (CPython's `None`).
    None,
    /// `AF_INET` / `AF_INET6` and `AF_RDS` (which uses `sockaddr_in`); IPv6 keeps flowinfo and
    /// scope id.
    Inet(SocketAddr),
    /// `AF_UNIX`.
    #[cfg(feature = "unix")]
    Unix(sock_unix::UnixAddr),
    /// `AF_CAN`, by protocol (RAW/BCM, ISO-TP, J1939).
    #[cfg(feature = "can")]
    Can(sock_can::AnyCanAddr),
    /// `AF_PACKET`.
    #[cfg(feature = "packet")]
    Packet(sock_packet::PacketAddr),
    /// `AF_ALG`.
    #[cfg(feature = "alg")]
    Alg(sock_alg::AlgAddr),
    /// `AF_VSOCK`.
    #[cfg(feature = "vsock")]
    Vsock(sock_vsock::VsockAddr),
    /// `AF_BLUETOOTH`, by protocol (L2CAP, RFCOMM, HCI, SCO).
    #[cfg(feature = "bt")]
    Bluetooth(sock_bt::BtAddr),
    /// `AF_TIPC`.
    #[cfg(feature = "tipc")]
    Tipc(sock_tipc::TipcAddr),
    /// `AF_NETLINK`.
    #[cfg(feature = "netlink")]
    Netlink(sock_netlink::NetlinkAddr),
    /// `AF_QIPCRTR`.
    #[cfg(feature = "qipcrtr")]
    Qipcrtr(sock_qipcrtr::QipcrtrAddr),
    /// Any other family, or an address that did not decode: the raw bytes.
    Other(SockAddr),
}

impl Addr {
    /// Decodes `addr`; `protocol` (the socket's, [`Socket::protocol`](crate::Socket::protocol))
    /// picks the address shape of families that have several.
    pub fn decode(addr: &SockAddr, protocol: Protocol) -> Addr {
        if addr.is_empty() {
            return Addr::None;
        }
        let _ = protocol;
        let family = i32::from(addr.family());
        let decoded: Option<Addr> = match family {
            consts::AF_INET | consts::AF_INET6 | consts::AF_RDS => addr.as_socket().map(Addr::Inet),
            #[cfg(feature = "unix")]
            consts::AF_UNIX => <sock_unix::UnixAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Unix),
            #[cfg(feature = "can")]
            consts::AF_CAN => sock_can::AnyCanAddr::decode_with(addr, protocol).ok().map(Addr::Can),
            #[cfg(feature = "packet")]
            consts::AF_PACKET => {
                <sock_packet::PacketAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Packet)
            }
            #[cfg(feature = "alg")]
            consts::AF_ALG => <sock_alg::AlgAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Alg),
            #[cfg(feature = "vsock")]
            consts::AF_VSOCK => <sock_vsock::VsockAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Vsock),
            #[cfg(feature = "bt")]
            consts::AF_BLUETOOTH => sock_bt::BtAddr::decode_with(addr, protocol).ok().map(Addr::Bluetooth),
            #[cfg(feature = "tipc")]
            consts::AF_TIPC => <sock_tipc::TipcAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Tipc),
            #[cfg(feature = "netlink")]
            consts::AF_NETLINK => {
                <sock_netlink::NetlinkAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Netlink)
            }
            #[cfg(feature = "qipcrtr")]
            consts::AF_QIPCRTR => {
                <sock_qipcrtr::QipcrtrAddr as sock_core::FamilyAddr>::decode(addr).ok().map(Addr::Qipcrtr)
            }
            _ => None,
        };
        decoded.unwrap_or(Addr::Other(*addr))
    }
}

impl fmt::Display for Addr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Addr::None => f.write_str("None"),
            Addr::Inet(a) => write!(f, "{a}"),
            #[cfg(feature = "unix")]
            Addr::Unix(a) => write!(f, "{a}"),
            #[cfg(feature = "can")]
            Addr::Can(a) => write!(f, "{a}"),
            #[cfg(feature = "packet")]
            Addr::Packet(a) => write!(f, "{a}"),
            #[cfg(feature = "alg")]
            Addr::Alg(a) => write!(f, "{a}"),
            #[cfg(feature = "vsock")]
            Addr::Vsock(a) => write!(f, "{a}"),
            #[cfg(feature = "bt")]
            Addr::Bluetooth(a) => write!(f, "{a}"),
            #[cfg(feature = "tipc")]
            Addr::Tipc(a) => write!(f, "{a}"),
            #[cfg(feature = "netlink")]
            Addr::Netlink(a) => write!(f, "{a}"),
            #[cfg(feature = "qipcrtr")]
            Addr::Qipcrtr(a) => write!(f, "{a}"),
            Addr::Other(raw) => write!(f, "{raw:?}"),
        }
    }
}
