//! The contract's macros ([`family_addr!`](crate::family_addr), [`protocol_socket!`](crate::protocol_socket)),
//! outside the platform gate because `#[macro_export]` macros must not be macro-expanded.

/// Implements the conversions every [`FamilyAddr`](crate::FamilyAddr) has: [`ToSockAddr`](crate::ToSockAddr)
/// (through [`FamilyAddr::encode`](crate::FamilyAddr::encode)) and `TryFrom<&SockAddr>` / `TryFrom<SockAddr>` (through
/// [`FamilyAddr::decode`](crate::FamilyAddr::decode)). Give it the type's path.
///
/// A family crate's address, here AF_NETLINK's `(pid, groups)`, which every Linux kernel has:
///
/// ```
/// use sock::{Family, FamilyAddr, SockAddr, Socket, Type};
/// use std::io;
///
/// #[derive(Clone, Debug, PartialEq)]
/// struct Nl { pid: u32, groups: u32 }
/// impl FamilyAddr for Nl {
///     const FAMILY: Family = Family::NETLINK;
///     const TEXT_FORM: &'static str = "`pid:groups`";
///     fn decode(addr: &SockAddr) -> io::Result<Self> {
///         let data = Self::expect_family(addr)?; // nl_pad, nl_pid, nl_groups
///         let word = |i: usize| data.get(i..i + 4).map(|b| u32::from_ne_bytes(b.try_into().unwrap()));
///         match (word(2), word(6)) {
///             (Some(pid), Some(groups)) => Ok(Nl { pid, groups }),
///             _ => Err(sock::invalid_input("address", "too short for sockaddr_nl")),
///         }
///     }
///     fn encode(&self) -> io::Result<SockAddr> {
///         let mut data = [0u8; 10];
///         data[2..6].copy_from_slice(&self.pid.to_ne_bytes());
///         data[6..].copy_from_slice(&self.groups.to_ne_bytes());
///         SockAddr::new(Self::FAMILY.raw() as u16, &data)
///     }
/// }
/// # impl std::fmt::Display for Nl {
/// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
/// #         write!(f, "{}:{}", self.pid, self.groups)
/// #     }
/// # }
/// # impl std::str::FromStr for Nl {
/// #     type Err = io::Error;
/// #     fn from_str(s: &str) -> io::Result<Self> {
/// #         let [pid, groups] = sock::text::split_fields(s, ':', "address", Self::TEXT_FORM)?;
/// #         Ok(Nl { pid: sock::text::parse_num(pid, "pid")?, groups: sock::text::parse_num(groups, "groups")? })
/// #     }
/// # }
/// sock::family_addr!(Nl);
///
/// let s = Socket::new(Family::NETLINK, Type::RAW, 0)?; // NETLINK_ROUTE
/// s.bind(Nl { pid: 0, groups: 0 })?; // ToSockAddr, written by the macro
/// let me = Nl::try_from(s.local_addr()?)?; // TryFrom<SockAddr>, written by the macro
/// assert_ne!(me.pid, 0); // the kernel chose a port id
/// # Ok::<(), std::io::Error>(())
/// ```
#[macro_export]
macro_rules! family_addr {
    ($ty:ty) => {
        impl $crate::ToSockAddr for $ty {
            fn to_sock_addr(&self, _: &$crate::Socket) -> ::std::io::Result<$crate::SockAddr> {
                <$ty as $crate::FamilyAddr>::encode(self)
            }
        }

        impl ::std::convert::TryFrom<&$crate::SockAddr> for $ty {
            type Error = ::std::io::Error;
            fn try_from(addr: &$crate::SockAddr) -> ::std::io::Result<$ty> {
                <$ty as $crate::FamilyAddr>::decode(addr)
            }
        }

        impl ::std::convert::TryFrom<$crate::SockAddr> for $ty {
            type Error = ::std::io::Error;
            fn try_from(addr: $crate::SockAddr) -> ::std::io::Result<$ty> {
                <$ty as $crate::FamilyAddr>::decode(&addr)
            }
        }
    };
}

/// Implements the conversions of a [`ProtocolSocket`](crate::ProtocolSocket): `TryFrom<Socket>` (checked through
/// [`ProtocolSocket::from_socket`](crate::ProtocolSocket::from_socket)), `From<$name> for Socket`, `AsRef<Socket>`, `AsFd`,
/// `AsRawFd` and `IntoRawFd`, for a type whose `Socket` lives in field `$field` (a name or a
/// tuple index). The type implements [`ProtocolSocket`](crate::ProtocolSocket) itself (its `KIND`, `wrap_checked`
/// and `into_inner`).
///
/// ```
/// use sock::{Family, ProtocolSocket, Socket, SocketKind, Type};
/// use std::os::fd::AsRawFd;
///
/// /// A typed socket with state of its own beside the socket (a named field).
/// pub struct Records { inner: Socket, sent: u64 }
/// impl ProtocolSocket for Records {
///     const KIND: SocketKind =
///         SocketKind { family: Family::UNIX, types: &[Type::SEQPACKET], protocol: None, name: "AF_UNIX seqpacket" };
///     fn wrap_checked(socket: Socket) -> std::io::Result<Self> {
///         Ok(Records { inner: socket, sent: 0 })
///     }
///     fn into_inner(self) -> Socket {
///         self.inner
///     }
/// }
/// sock::protocol_socket!(Records, inner);
///
/// let (a, _b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
/// let fd = a.fileno();
/// let records = Records::try_from(a)?; // TryFrom<Socket>, checked against KIND
/// assert_eq!((records.as_raw_fd(), records.sent), (fd, 0)); // AsRawFd
/// assert_eq!(records.as_ref().ty(), Type::SEQPACKET); // AsRef<Socket>
/// let back: Socket = records.into(); // From<Records> for Socket
/// assert_eq!(back.fileno(), fd);
/// # Ok::<(), std::io::Error>(())
/// ```
#[macro_export]
macro_rules! protocol_socket {
    ($name:ty, $field:tt) => {
        impl ::std::convert::AsRef<$crate::Socket> for $name {
            fn as_ref(&self) -> &$crate::Socket {
                &self.$field
            }
        }

        impl ::std::convert::From<$name> for $crate::Socket {
            fn from(s: $name) -> $crate::Socket {
                <$name as $crate::ProtocolSocket>::into_inner(s)
            }
        }

        impl ::std::convert::TryFrom<$crate::Socket> for $name {
            type Error = ::std::io::Error;
            fn try_from(s: $crate::Socket) -> ::std::io::Result<$name> {
                <$name as $crate::ProtocolSocket>::from_socket(s)
            }
        }

        impl ::std::os::fd::AsFd for $name {
            fn as_fd(&self) -> ::std::os::fd::BorrowedFd<'_> {
                self.$field.as_fd()
            }
        }

        impl ::std::os::fd::AsRawFd for $name {
            fn as_raw_fd(&self) -> ::std::os::fd::RawFd {
                self.$field.fileno()
            }
        }

        // The field is a `Socket` (or a `Box`/`Arc` of one): this only compiles if so.
        const _: fn(&$name) -> &$crate::Socket = |s| &s.$field;

        // SAFETY: `as_ref` and `as_fd` above return the socket in field `$field` (checked to be
        // a `Socket` just above), owned by the value and replaceable only through `&mut self`.
        unsafe impl $crate::SocketOwner for $name {}

        impl ::std::os::fd::IntoRawFd for $name {
            fn into_raw_fd(self) -> ::std::os::fd::RawFd {
                <$name as $crate::ProtocolSocket>::into_inner(self).detach()
            }
        }
    };
}
