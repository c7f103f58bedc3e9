//! The core of `sock`: the [`Socket`] object of CPython's `socket` module, its three modes and
//! timeouts, the raw address carrier [`SockAddr`], ancillary data ([`cmsg`]), option plumbing
//! ([`SockOpt`]), and the constants common to all families ([`consts`]).
//!
//! Family crates (`sock-inet`, `sock-unix`, `sock-can` ...) add typed addresses, options and
//! protocol sockets on top; most programs use them through the `sock` facade.
//!
//! Linux is the first-class target; platform specifics sit behind `cfg_if!` so a later port
//! stays local.
//!
//! ```
//! use sock_core::{Socket, Family, Type};
//! let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
//! a.send(b"ping", 0)?;
//! assert_eq!(b.recv_vec(16, 0)?, b"ping");
//! # Ok::<(), std::io::Error>(())
//! ```

mod macros;

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        pub mod cmsg;
        pub mod consts;
        mod error;
        mod family;
        mod iface;
        mod kinds;
        mod mode;
        pub mod pod;
        mod socket;
        mod sys;
        pub mod text;
        pub mod wait;

        pub use addr::{SockAddr, ToSockAddr, SOCKADDR_MAX};
        pub use cmsg::{cmsg_len, cmsg_space};
        pub use error::{cvt, invalid_input, timed_out, IsMinusOne};
        pub use family::{family_name, FamilyAddr, ProtocolSocket, SocketKind, SocketOwner};
        pub use iface::{if_index, if_name, IfName, Interface, IFNAMSIZ};
        pub use kinds::{Family, Protocol, Type};
        pub use mode::{default_timeout, set_default_timeout, Mode};
        pub use pod::Pod;
        pub use socket::*;

        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;

        /// The async layer on tokio (feature `tokio`): [`AsyncSocket`](crate::tokio::AsyncSocket)
        /// for any [`Socket`], [`Async<T>`](crate::tokio::Async) for the family crates' typed
        /// sockets. Everything is in [`aio::Async`](crate::aio::Async).
        ///
        /// ```
        /// # #[tokio::main(flavor = "current_thread")]
        /// # async fn main() -> std::io::Result<()> {
        /// use sock_core::{Family, Socket, Type};
        /// use sock_core::tokio::AsyncSocket;
        /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
        /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
        /// a.send_all(b"ping").await?;
        /// let mut buf = [0u8; 4];
        /// assert_eq!(b.recv(&mut buf).await?, 4);
        /// # Ok(())
        /// # }
        /// ```
        #[cfg(feature = "tokio")]
        pub mod tokio {
            pub use crate::aio::tokio_reactor::TokioReactor as Reactor;
            pub use crate::aio::Interest;

            /// A typed socket (`T`: a [`Socket`](crate::Socket) or a family crate's
            /// protocol socket) registered with tokio's reactor.
            pub type Async<T> = crate::aio::Async<T, Reactor<T>>;
            /// A [`Socket`](crate::Socket) registered with tokio's reactor.
            pub type AsyncSocket = Async<crate::Socket>;
        }

        /// The async layer on async-io (smol; feature `async-io`): the same names as
        /// [`tokio`](crate::tokio), registered with async-io's reactor.
        ///
        /// ```
        /// use sock_core::{Family, Socket, Type};
        /// use sock_core::async_io::AsyncSocket;
        /// async_io::block_on(async {
        ///     let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
        ///     let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
        ///     a.send(b"ping").await?;
        ///     let mut buf = [0u8; 4];
        ///     assert_eq!(b.recv(&mut buf).await?, 4);
        ///     Ok::<(), std::io::Error>(())
        /// })?;
        /// # Ok::<(), std::io::Error>(())
        /// ```
        #[cfg(feature = "async-io")]
        pub mod async_io {
            pub use crate::aio::async_io_reactor::AsyncIoReactor as Reactor;
            pub use crate::aio::Interest;

            /// A typed socket registered with async-io's reactor.
            pub type Async<T> = crate::aio::Async<T, Reactor<T>>;
            /// A [`Socket`](crate::Socket) registered with async-io's reactor.
            pub type AsyncSocket = Async<crate::Socket>;
        }
    } else {
        compile_error!("sock-core supports Linux only for now; the platform code is gated so a port stays local");
    }
}
