//! The conversions every typed protocol socket of this crate shares: it wraps a
//! [`Socket`](sock_core::Socket) of one protocol and hands it back.

/// Implements `from_socket`, `into_inner`, `AsRef<Socket>`, `From<T> for Socket`,
/// `TryFrom<Socket>`, `AsFd` and `AsRawFd` for a type that holds a `Socket` of protocol
/// `$proto` in its field `$field` and builds itself with `fn wrap(Socket) -> io::Result<Self>`.
macro_rules! protocol_socket {
    ($name:ident, $field:tt, $proto:expr, $what:literal) => {
        impl $name {
            #[doc = concat!("Wraps a socket that must be `AF_CAN`/`", $what, "` (else `InvalidInput`).")]
            pub fn from_socket(socket: sock_core::Socket) -> std::io::Result<$name> {
                if socket.family() != sock_core::Family::CAN || socket.protocol() != sock_core::Protocol($proto) {
                    return Err(sock_core::invalid_input("socket", concat!("not a ", $what, " socket")));
                }
                $name::wrap(socket)
            }

            /// Gives the socket back.
            pub fn into_inner(self) -> sock_core::Socket {
                self.$field
            }
        }

        impl AsRef<sock_core::Socket> for $name {
            fn as_ref(&self) -> &sock_core::Socket {
                &self.$field
            }
        }

        impl From<$name> for sock_core::Socket {
            fn from(s: $name) -> sock_core::Socket {
                s.$field
            }
        }

        impl TryFrom<sock_core::Socket> for $name {
            type Error = std::io::Error;
            fn try_from(s: sock_core::Socket) -> std::io::Result<$name> {
                $name::from_socket(s)
            }
        }

        impl std::os::fd::AsFd for $name {
            fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
                self.$field.as_fd()
            }
        }

        impl std::os::fd::AsRawFd for $name {
            fn as_raw_fd(&self) -> std::os::fd::RawFd {
                self.$field.fileno()
            }
        }
    };
}

pub(crate) use protocol_socket;
