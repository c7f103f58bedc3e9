//! The family contract: what every family crate implements the same way, so that the facade,
//! the async layer and users treat all families alike.
//!
//! - [`FamilyAddr`]: a typed address — its family, `decode` from and `encode` into a
//!   [`SockAddr`], one text form through `Display` + `FromStr` (numbers parsed by
//!   [`text::parse_num`](crate::text::parse_num)), and [`ToSockAddr`](crate::ToSockAddr) (the
//!   [`family_addr!`](crate::family_addr) macro writes the conversions). A `Socket` refuses an
//!   address of another family before any syscall ([`Socket::check_addr_family`]).
//! - [`ProtocolSocket`]: a typed protocol socket (`CanSocket`, `BcmSocket`, `Hash` ...) —
//!   which family, types and protocol it accepts, `TryFrom<Socket>` that checks them,
//!   `AsRef<Socket>`, `AsFd`/`AsRawFd`, `into_inner` (the
//!   [`protocol_socket!`](crate::protocol_socket) macro writes them).
//! - Constructor verbs, the same in every crate: `X::new(..)` makes the socket (`socket(2)`
//!   only), `X::bound(addr)` makes it and binds it, `X::connected(addr)` makes it and
//!   connects it. `bind`/`connect` are always the socket's own methods, never constructors.
//! - Options: [`SockOpt<T>`](crate::SockOpt) with `bool` for on/off options; typed methods on
//!   typed sockets; sealed extension traits on `Socket` (`InetSocketExt` ...) where a family
//!   has no typed socket.

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::addr::SockAddr;
use crate::kinds::{Family, Protocol, Type};
use crate::socket::Socket;

/// A typed socket address of one family: the contract every family crate's address types
/// implement.
///
/// ```
/// use sock::{FamilyAddr, Family, SockAddr};
///
/// // A family crate's address, in a few lines (sock-qipcrtr's is much like this one).
/// #[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// struct NodePort { node: u32, port: u32 }
///
/// impl FamilyAddr for NodePort {
///     const FAMILY: Family = Family(42);
///     const TEXT_FORM: &'static str = "node:port";
///     fn decode(addr: &SockAddr) -> std::io::Result<Self> {
///         let data = Self::expect_family(addr)?;
///         let field = |i: usize| data.get(i..i + 4).map(|b| u32::from_ne_bytes(b.try_into().unwrap()));
///         match (field(2), field(6)) {
///             (Some(node), Some(port)) => Ok(NodePort { node, port }),
///             _ => Err(sock::invalid_input("address", "too short for sockaddr_qrtr")),
///         }
///     }
///     fn encode(&self) -> std::io::Result<SockAddr> {
///         let mut data = [0u8; 10];
///         data[2..6].copy_from_slice(&self.node.to_ne_bytes());
///         data[6..10].copy_from_slice(&self.port.to_ne_bytes());
///         SockAddr::new(42, &data)
///     }
/// }
/// impl std::fmt::Display for NodePort {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         write!(f, "{}:{}", self.node, self.port)
///     }
/// }
/// impl std::str::FromStr for NodePort {
///     type Err = std::io::Error;
///     fn from_str(s: &str) -> std::io::Result<Self> {
///         let [node, port] = sock::text::split_fields(s, ':', "address", "`node:port`")?;
///         Ok(NodePort {
///             node: sock::text::parse_num(node, "node")?,
///             port: sock::text::parse_num(port, "port")?,
///         })
///     }
/// }
/// sock::family_addr!(NodePort);
///
/// let a: NodePort = "1:0x10".parse()?;
/// assert_eq!(NodePort::decode(&a.encode()?)?, a);
/// assert_eq!(a.to_string(), "1:16");
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait FamilyAddr: Sized + Clone + fmt::Debug + fmt::Display + FromStr<Err = io::Error> {
    /// The address family (`sa_family`) of this address type.
    const FAMILY: Family;

    /// The documented text form, as shown in errors and docs (`"cid:port"`, `"vcan0"` ...).
    const TEXT_FORM: &'static str;

    /// Decodes a raw address. An address of another family, or one too short or malformed,
    /// is `InvalidInput` naming what is wrong; any bytes are safe to pass.
    fn decode(addr: &SockAddr) -> io::Result<Self>;

    /// Encodes this address for the kernel. Fallible where an interface name must be
    /// resolved to an index (CAN, PACKET) or a field does not fit.
    fn encode(&self) -> io::Result<SockAddr>;

    /// The bytes after `sa_family` if `addr` is of [`FAMILY`](Self::FAMILY), else
    /// `InvalidInput` naming both families — the first step of every `decode`.
    fn expect_family(addr: &SockAddr) -> io::Result<&[u8]> {
        let got = i32::from(addr.family());
        if got != Self::FAMILY.0 {
            return Err(crate::invalid_input(
                "address",
                &format!("{} is not an {} address", family_name(Family(got)), family_name(Self::FAMILY)),
            ));
        }
        Ok(addr.data())
    }
}

/// `AF_INET`-style name of a family, or `family N` for one without a name here.
///
/// ```
/// use sock::{family_name, Family};
/// assert_eq!(family_name(Family::CAN), "AF_CAN");
/// assert_eq!(family_name(Family(99)), "family 99");
/// ```
pub fn family_name(family: Family) -> String {
    match family.name() {
        Some(n) => format!("AF_{n}"),
        None => format!("family {}", family.0),
    }
}

/// What a typed protocol socket accepts: one family, one or more types, and a protocol
/// (`None`: any).
///
/// ```
/// use sock::{Family, Protocol, Socket, SocketKind, Type};
/// // What a typed UDP socket of a family crate would accept.
/// const UDP: SocketKind =
///     SocketKind { family: Family::INET, types: &[Type::DGRAM], protocol: Some(Protocol::UDP), name: "UDP" };
/// UDP.check(&Socket::new(Family::INET, Type::DGRAM, Protocol::UDP)?)?;
/// // The protocol is the one the socket was made with, as CPython's `proto`: 0 is not UDP.
/// assert!(UDP.check(&Socket::new(Family::INET, Type::DGRAM, None)?).is_err());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SocketKind {
    /// The family.
    pub family: Family,
    /// The accepted types (`SOCK_RAW`, `SOCK_DGRAM` ...).
    pub types: &'static [Type],
    /// The protocol, or `None` when any protocol of the family is accepted.
    pub protocol: Option<Protocol>,
    /// A name for messages (`"CAN_RAW"`, `"AF_ALG hash"` ...).
    pub name: &'static str,
}

impl SocketKind {
    /// Whether `socket` is of this kind; else `InvalidInput` naming the kind and what the
    /// socket is.
    ///
    /// ```
    /// use sock::{Family, Socket, SocketKind, Type};
    /// const UNIX_STREAM: SocketKind =
    ///     SocketKind { family: Family::UNIX, types: &[Type::STREAM, Type::SEQPACKET], protocol: None, name: "AF_UNIX stream" };
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// UNIX_STREAM.check(&a)?;
    /// let e = UNIX_STREAM.check(&Socket::new(Family::INET, Type::DGRAM, None)?).unwrap_err();
    /// assert_eq!(e.to_string(), "socket: expected a AF_UNIX stream socket, got AF_INET Type::DGRAM protocol 0");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn check(&self, socket: &Socket) -> io::Result<()> {
        let family_ok = socket.family() == self.family;
        let type_ok = self.types.contains(&socket.ty());
        let proto_ok = self.protocol.is_none_or(|p| p == socket.protocol());
        if family_ok && type_ok && proto_ok {
            return Ok(());
        }
        Err(crate::invalid_input(
            "socket",
            &format!(
                "expected a {} socket, got {} {:?} protocol {}",
                self.name,
                family_name(socket.family()),
                socket.ty(),
                socket.protocol().0
            ),
        ))
    }
}

/// A value that owns one [`Socket`] for its whole life and hands out only that one through
/// `AsRef` and `AsFd`: what the async layer registers with a reactor, which needs the fd to
/// stay open and the same while registered.
///
/// # Safety
///
/// `as_ref()` and `as_fd()` must always return the same socket and its fd, owned by `self`
/// (directly, or through a `Box`/`Arc` only `self` can replace, and only through `&mut self`),
/// so that the fd stays open and refers to the same socket for as long as `self` lives and is
/// not borrowed mutably. [`Socket`] is one, and [`protocol_socket!`](crate::protocol_socket)
/// implements it for the typed sockets it writes (it checks that the field is a `Socket`).
///
/// ```
/// use sock::{Family, ProtocolSocket, Socket, SocketKind, Type};
///
/// struct Dgram(Socket);
/// impl ProtocolSocket for Dgram {
///     const KIND: SocketKind = SocketKind { family: Family::UNIX, types: &[Type::DGRAM], protocol: None, name: "datagram" };
///     fn wrap_checked(socket: Socket) -> std::io::Result<Self> {
///         Ok(Dgram(socket))
///     }
///     fn into_inner(self) -> Socket {
///         self.0
///     }
/// }
/// sock::protocol_socket!(Dgram, 0); // implements `SocketOwner`, so the async layer takes it
///
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// async_io::block_on(async {
///     let a = sock::async_io::Async::new(Dgram::try_from(a)?)?;
///     b.send(b"hi")?;
///     assert_eq!(a.recv(&mut [0u8; 8]).await?, 2);
///     Ok::<(), std::io::Error>(())
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub unsafe trait SocketOwner: AsRef<Socket> + std::os::fd::AsFd {}

// SAFETY: a Socket owns its fd (`OwnedFd`), never replaces it, and returns itself and that fd.
unsafe impl SocketOwner for Socket {}

/// A typed protocol socket: it wraps one [`Socket`] of a known [`SocketKind`] and hands it
/// back. Implemented by every family crate's typed sockets through
/// [`protocol_socket!`](crate::protocol_socket), which also gives `TryFrom<Socket>` (checked),
/// `From<Self> for Socket`, `AsRef<Socket>`, `AsFd` and `AsRawFd`.
///
/// ```
/// use sock::{Family, ProtocolSocket, Socket, SocketKind, Type};
///
/// /// A family crate's typed socket: AF_UNIX datagrams only.
/// struct UnixDgram(Socket);
/// impl ProtocolSocket for UnixDgram {
///     const KIND: SocketKind =
///         SocketKind { family: Family::UNIX, types: &[Type::DGRAM], protocol: None, name: "AF_UNIX datagram" };
///     fn wrap_checked(socket: Socket) -> std::io::Result<Self> {
///         Ok(UnixDgram(socket))
///     }
///     fn into_inner(self) -> Socket {
///         self.0
///     }
/// }
/// sock::protocol_socket!(UnixDgram, 0);
///
/// let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// let typed = UnixDgram::try_from(a)?; // checked against KIND
/// assert_eq!(typed.socket().ty(), Type::DGRAM);
/// let (s, _t) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// assert!(UnixDgram::from_socket(s).is_err());
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait ProtocolSocket: Sized + AsRef<Socket> {
    /// The family, types and protocol this socket type accepts.
    const KIND: SocketKind;

    /// Wraps a socket already checked to be of [`KIND`](Self::KIND) (typed sockets with
    /// state of their own set it up here).
    fn wrap_checked(socket: Socket) -> io::Result<Self>;

    /// Gives the socket back.
    fn into_inner(self) -> Socket;

    /// Wraps `socket` after checking its family, type and protocol (`InvalidInput` if they
    /// are not this socket type's).
    fn from_socket(socket: Socket) -> io::Result<Self> {
        Self::KIND.check(&socket)?;
        Self::wrap_checked(socket)
    }

    /// The socket underneath, for every [`Socket`] method.
    fn socket(&self) -> &Socket {
        self.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dgram(Socket);
    impl ProtocolSocket for Dgram {
        const KIND: SocketKind =
            SocketKind { family: Family::UNIX, types: &[Type::DGRAM], protocol: None, name: "AF_UNIX datagram" };
        fn wrap_checked(socket: Socket) -> io::Result<Self> {
            Ok(Dgram(socket))
        }
        fn into_inner(self) -> Socket {
            self.0
        }
    }
    crate::protocol_socket!(Dgram, 0);

    #[test]
    fn kinds_are_checked() {
        let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
        let d = Dgram::try_from(a).unwrap();
        assert_eq!(d.socket().ty(), Type::DGRAM);
        let (s, _t) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
        let e = Dgram::try_from(s).err().expect("a stream is refused");
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "socket: expected a AF_UNIX datagram socket, got AF_UNIX Type::STREAM protocol 0");
        let back: Socket = d.into();
        assert_eq!(back.family(), Family::UNIX);
    }
}
