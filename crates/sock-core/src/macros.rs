//! The contract's macros ([`family_addr!`](crate::family_addr), [`protocol_socket!`](crate::protocol_socket)),
//! outside the platform gate because `#[macro_export]` macros must not be macro-expanded.

/// Implements the conversions every [`FamilyAddr`](crate::FamilyAddr) has: [`ToSockAddr`](crate::ToSockAddr)
/// (through [`FamilyAddr::encode`](crate::FamilyAddr::encode)) and `TryFrom<&SockAddr>` / `TryFrom<SockAddr>` (through
/// [`FamilyAddr::decode`](crate::FamilyAddr::decode)). Give it the type's path.
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
