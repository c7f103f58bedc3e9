//! [`Addr`]: a decoded socket address of any family, CPython's `makesockaddr`.

use std::fmt;
use std::net::SocketAddr;

use sock_core::FamilyAddr;
use sock_core::{consts, Protocol, SockAddr};

/// A socket address decoded by family (and by protocol where the family has several address
/// shapes: CAN, Bluetooth), as CPython's `makesockaddr` builds a Python value from a raw
/// address. A family whose feature is off, an unknown family, or bytes that do not decode stay
/// [`Addr::Other`] with the raw address, never an error.
///
/// ```
/// use sock::{Addr, SockAddr};
/// let raw = SockAddr::from("[::1]:8080".parse::<std::net::SocketAddr>().unwrap());
/// assert_eq!(Addr::decode(&raw).to_string(), "[::1]:8080");
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
    /// Decodes `addr` through its family's [`FamilyAddr`]. Every family has one address
    /// shape except CAN and Bluetooth, whose shape depends on the protocol: their addresses
    /// need [`Addr::decode_with`] and come back from here as [`Addr::Other`].
    ///
    /// ```
    /// use sock::{Addr, SockAddr};
    /// let raw = SockAddr::from("[::1]:8080".parse::<std::net::SocketAddr>().unwrap());
    /// assert_eq!(Addr::decode(&raw).to_string(), "[::1]:8080");
    /// assert_eq!(Addr::decode(&SockAddr::empty()), Addr::None);
    /// ```
    pub fn decode(addr: &SockAddr) -> Addr {
        Addr::decode_inner(addr, None)
    }

    /// Decodes `addr` with the protocol of the socket it belongs to
    /// ([`Socket::protocol`](crate::Socket::protocol)), which picks the shape of CAN
    /// (RAW/BCM, ISO-TP, J1939) and Bluetooth (L2CAP, RFCOMM, HCI, SCO) addresses; other
    /// families ignore it.
    ///
    /// ```
    /// use sock::{Addr, Family, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// s.bind("")?; // autobind: an abstract name chosen by the kernel
    /// let addr = Addr::decode_with(&s.local_addr()?, s.protocol());
    /// assert!(matches!(addr, Addr::Unix(ref u) if u.as_abstract_name().is_some()), "{addr}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode_with(addr: &SockAddr, protocol: Protocol) -> Addr {
        Addr::decode_inner(addr, Some(protocol))
    }

    /// `socket.getsockname()` decoded, with the socket's own protocol.
    ///
    /// ```
    /// use sock::{Addr, Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// let Addr::Inet(addr) = Addr::local(&s)? else { unreachable!() };
    /// assert!(addr.ip().is_loopback() && addr.port() != 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn local(socket: &crate::Socket) -> std::io::Result<Addr> {
        Ok(Addr::decode_with(&socket.local_addr()?, socket.protocol()))
    }

    /// `socket.getpeername()` decoded, with the socket's own protocol.
    ///
    /// ```
    /// use sock::{Addr, Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// server.bind(("127.0.0.1", 0))?;
    /// let client = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// client.connect(&server.local_addr()?)?;
    /// assert_eq!(Addr::peer(&client)?, Addr::local(&server)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn peer(socket: &crate::Socket) -> std::io::Result<Addr> {
        Ok(Addr::decode_with(&socket.peer_addr()?, socket.protocol()))
    }

    fn decode_inner(addr: &SockAddr, protocol: Option<Protocol>) -> Addr {
        /// One family through the contract.
        #[allow(dead_code)] // when every family feature is off
        fn via<A: FamilyAddr>(addr: &SockAddr, wrap: impl FnOnce(A) -> Addr) -> Option<Addr> {
            A::decode(addr).ok().map(wrap)
        }
        if addr.is_empty() {
            return Addr::None;
        }
        let _ = protocol;
        let decoded: Option<Addr> = match i32::from(addr.family()) {
            consts::AF_INET | consts::AF_INET6 | consts::AF_RDS => addr.as_socket().map(Addr::Inet),
            #[cfg(feature = "unix")]
            consts::AF_UNIX => via(addr, Addr::Unix),
            #[cfg(feature = "can")]
            consts::AF_CAN => protocol.and_then(|p| sock_can::AnyCanAddr::decode_with(addr, p).ok()).map(Addr::Can),
            #[cfg(feature = "packet")]
            consts::AF_PACKET => via(addr, Addr::Packet),
            #[cfg(feature = "alg")]
            consts::AF_ALG => via(addr, Addr::Alg),
            #[cfg(feature = "vsock")]
            consts::AF_VSOCK => via(addr, Addr::Vsock),
            #[cfg(feature = "bt")]
            consts::AF_BLUETOOTH => {
                protocol.and_then(|p| sock_bt::BtAddr::decode_with(addr, p).ok()).map(Addr::Bluetooth)
            }
            #[cfg(feature = "tipc")]
            consts::AF_TIPC => via(addr, Addr::Tipc),
            #[cfg(feature = "netlink")]
            consts::AF_NETLINK => via(addr, Addr::Netlink),
            #[cfg(feature = "qipcrtr")]
            consts::AF_QIPCRTR => via(addr, Addr::Qipcrtr),
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
