//! Typed newtypes for the three numbers that make a socket: [`Family`], [`Type`] and
//! [`Protocol`]. Each wraps the raw `c_int` and converts to and from it freely; the
//! associated constants name the common values.

use std::fmt;

use libc::c_int;

use crate::consts;

macro_rules! newtype {
    ($(#[$doc:meta])* $name:ident { $($(#[$cdoc:meta])* $cname:ident = $value:expr,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub c_int);

        impl $name {
            $($(#[$cdoc])* pub const $cname: $name = $name($value);)*

            /// The raw value passed to the kernel.
            ///
            /// ```
            #[doc = concat!("use sock::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "(7).raw(), 7);")]
            #[doc = concat!("assert_eq!(libc::c_int::from(", stringify!($name), "::from(7)), 7);")]
            /// ```
            pub const fn raw(self) -> c_int {
                self.0
            }

            /// The name of this value without its Python prefix (`"INET"` for `AF_INET`,
            /// `"STREAM"` for `SOCK_STREAM`...), if it has one here.
            ///
            /// ```
            #[doc = concat!("use sock::", stringify!($name), ";")]
            #[doc = concat!("let named = [", $(stringify!($name), "::", stringify!($cname), ", ",)* "];")]
            #[doc = concat!("assert!(named.iter().all(|v| format!(\"{v:?}\").ends_with(v.name().unwrap())));")]
            #[doc = concat!("assert_eq!(", stringify!($name), "(-1).name(), None);")]
            /// ```
            pub fn name(self) -> Option<&'static str> {
                match self.0 {
                    $(v if v == $value => Some(stringify!($cname)),)*
                    _ => None,
                }
            }
        }

        impl From<c_int> for $name {
            fn from(raw: c_int) -> Self {
                $name(raw)
            }
        }

        impl From<$name> for c_int {
            fn from(value: $name) -> c_int {
                value.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.name() {
                    Some(name) => write!(f, "{}::{}", stringify!($name), name),
                    None => write!(f, "{}({})", stringify!($name), self.0),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self, f)
            }
        }
    };
}

newtype!(
    /// An address family (`AF_*`), as passed to `socket(2)`.
    ///
    /// ```
    /// use sock::Family;
    /// assert_eq!(Family::INET.raw(), 2);
    /// assert_eq!(format!("{:?}", Family::UNIX), "Family::UNIX");
    /// ```
    Family {
        /// `AF_UNSPEC`
        UNSPEC = consts::AF_UNSPEC,
        /// `AF_UNIX`
        UNIX = consts::AF_UNIX,
        /// `AF_INET`
        INET = consts::AF_INET,
        /// `AF_INET6`
        INET6 = consts::AF_INET6,
        /// `AF_NETLINK`
        NETLINK = consts::AF_NETLINK,
        /// `AF_PACKET`
        PACKET = consts::AF_PACKET,
        /// `AF_RDS`
        RDS = consts::AF_RDS,
        /// `AF_CAN`
        CAN = consts::AF_CAN,
        /// `AF_TIPC`
        TIPC = consts::AF_TIPC,
        /// `AF_BLUETOOTH`
        BLUETOOTH = consts::AF_BLUETOOTH,
        /// `AF_ALG`
        ALG = consts::AF_ALG,
        /// `AF_VSOCK`
        VSOCK = consts::AF_VSOCK,
        /// `AF_QIPCRTR`
        QIPCRTR = consts::AF_QIPCRTR,
    }
);

newtype!(
    /// A socket type (`SOCK_*`), without the `SOCK_NONBLOCK`/`SOCK_CLOEXEC` flag bits.
    ///
    /// ```
    /// use sock::consts::SOCK_SEQPACKET;
    /// use sock::{Family, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// assert_eq!(a.ty(), Type::from(SOCK_SEQPACKET));
    /// assert_eq!(format!("{:?}", a.ty()), "Type::SEQPACKET");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    Type {
        /// `SOCK_STREAM`
        STREAM = consts::SOCK_STREAM,
        /// `SOCK_DGRAM`
        DGRAM = consts::SOCK_DGRAM,
        /// `SOCK_RAW`
        RAW = consts::SOCK_RAW,
        /// `SOCK_RDM`
        RDM = consts::SOCK_RDM,
        /// `SOCK_SEQPACKET`
        SEQPACKET = consts::SOCK_SEQPACKET,
    }
);

impl Type {
    /// This type with the creation flag bits (`SOCK_NONBLOCK`, `SOCK_CLOEXEC`) removed, as
    /// CPython reports `socket.type`.
    ///
    /// ```
    /// use sock::consts::{SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM};
    /// use sock::Type;
    /// assert_eq!(Type(SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC).without_flags(), Type::STREAM);
    /// ```
    pub const fn without_flags(self) -> Type {
        Type(self.0 & !(consts::SOCK_NONBLOCK | consts::SOCK_CLOEXEC))
    }

    /// Whether `SOCK_NONBLOCK` is among the bits.
    ///
    /// ```
    /// use sock::consts::{SOCK_DGRAM, SOCK_NONBLOCK};
    /// use sock::{Family, Mode, Socket, Type};
    /// let t = Type(SOCK_DGRAM | SOCK_NONBLOCK);
    /// assert!(t.is_nonblocking() && !Type::DGRAM.is_nonblocking());
    /// let s = Socket::new(Family::INET, t, None)?; // starts non-blocking
    /// assert_eq!((s.ty(), s.mode()), (Type::DGRAM, Mode::NonBlocking));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn is_nonblocking(self) -> bool {
        self.0 & consts::SOCK_NONBLOCK != 0
    }
}

newtype!(
    /// A protocol number, as passed to `socket(2)` (`IPPROTO_*`, `CAN_*`, `BTPROTO_*`...).
    /// `Protocol::DEFAULT` (0) lets the kernel choose.
    ///
    /// ```
    /// use sock::{Family, Protocol, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, Protocol::TCP)?;
    /// assert_eq!(s.protocol(), Protocol::TCP);
    /// assert_eq!(s.protocol().raw(), sock::consts::IPPROTO_TCP);
    /// // Without one, the socket reports 0 (as CPython's `proto`); the kernel knows better:
    /// let d = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!((d.protocol(), d.so_protocol()?), (Protocol::DEFAULT, Protocol::TCP));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    Protocol {
        /// 0: the family's default protocol.
        DEFAULT = 0,
        /// `IPPROTO_ICMP`
        ICMP = libc::IPPROTO_ICMP,
        /// `IPPROTO_TCP`
        TCP = libc::IPPROTO_TCP,
        /// `IPPROTO_UDP`
        UDP = libc::IPPROTO_UDP,
        /// `IPPROTO_ICMPV6`
        ICMPV6 = libc::IPPROTO_ICMPV6,
        /// `IPPROTO_UDPLITE`
        UDPLITE = libc::IPPROTO_UDPLITE,
        /// `IPPROTO_MPTCP`
        MPTCP = libc::IPPROTO_MPTCP,
    }
);

/// What socket constructors take as the protocol: `None` (the family's default), a
/// [`Protocol`], or CPython's integer constant as it is (`0`, `IPPROTO_TCP`, `CAN_RAW`...), so
/// that `socket(AF_INET, SOCK_DGRAM, 0)` reads as in Python.
///
/// ```
/// use sock::consts::{AF_INET, IPPROTO_UDP, SOCK_DGRAM};
/// use sock::{Family, Protocol, Socket, Type};
/// let a = Socket::new(AF_INET, SOCK_DGRAM, 0)?;
/// let b = Socket::new(Family::INET, Type::DGRAM, None)?;
/// let c = Socket::new(Family::INET, Type::DGRAM, Protocol::UDP)?;
/// let d = Socket::new(AF_INET, SOCK_DGRAM, IPPROTO_UDP)?;
/// assert!([a, b, c, d].iter().all(|s| s.family() == Family::INET));
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait IntoProtocol {
    /// The protocol to pass, `None` for the family's default (0).
    fn into_protocol(self) -> Option<Protocol>;
}

impl IntoProtocol for Option<Protocol> {
    fn into_protocol(self) -> Option<Protocol> {
        self
    }
}

impl IntoProtocol for Protocol {
    fn into_protocol(self) -> Option<Protocol> {
        Some(self)
    }
}

/// CPython's integer form: 0 is the default protocol.
impl IntoProtocol for c_int {
    fn into_protocol(self) -> Option<Protocol> {
        (self != 0).then_some(Protocol(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_flags_are_stripped() {
        let t = Type(consts::SOCK_STREAM | consts::SOCK_NONBLOCK | consts::SOCK_CLOEXEC);
        assert!(t.is_nonblocking());
        assert_eq!(t.without_flags(), Type::STREAM);
    }

    #[test]
    fn names_and_debug() {
        assert_eq!(Family::CAN.name(), Some("CAN"));
        assert_eq!(format!("{:?}", Family(9999)), "Family(9999)");
        assert_eq!(c_int::from(Protocol::TCP), 6);
    }
}
