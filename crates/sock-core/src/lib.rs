//! The core of `sock`: the [`Socket`] object of CPython's `socket` module, its three modes and
//! timeouts, the raw address carrier [`SockAddr`], ancillary data ([`cmsg`]), option plumbing
//! ([`SockOpt`]), and the constants common to all families ([`consts`]).
//!
//! Family crates (`sock-inet`, `sock-unix`, `sock-can` ...) add typed addresses, options and
//! protocol sockets on top; most programs use them through the `sock` facade.
//!
//! # The family contract
//!
//! Every family crate has the same shape and the same verbs ([`family`](crate::FamilyAddr)
//! holds the rules):
//!
//! - typed addresses implement [`FamilyAddr`]: `decode(&SockAddr) -> io::Result<Self>`,
//!   `encode(&self) -> io::Result<SockAddr>`, one text form through `Display` + `FromStr`
//!   whose numbers follow [`text::parse_num`] (decimal or `0x` hex, no sign), and
//!   [`ToSockAddr`] through [`family_addr!`]; a [`Socket`] refuses an address of another
//!   family before any syscall;
//! - typed protocol sockets implement [`ProtocolSocket`] through [`protocol_socket!`]:
//!   `TryFrom<Socket>` checks family, type and protocol; `AsRef<Socket>`, `AsFd`,
//!   `into_inner` hand the socket back; the constructors are `X::new(..)` (the socket),
//!   `X::bound(addr)` (and bound) and `X::connected(addr)` (and connected) — `bind` and
//!   `connect` are only ever the socket's own operations;
//! - options: [`SockOpt<T>`] with `bool` for on/off options; methods on typed sockets, sealed
//!   `…SocketExt` traits on [`Socket`] for families without one; the `SOL_SOCKET` options are
//!   methods of [`Socket`] itself (`set_reuse_addr`, `set_linger` ...), also on any borrowed
//!   fd through [`SockRef`];
//! - each crate: `lib.rs` (Linux gate, docs, Python table), `consts.rs` (Python names, libc
//!   values), `addr.rs`, `text.rs`, `form.rs` (CPython's tuple forms), `options.rs`, `ext.rs`
//!   or `socket.rs`.
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! |---|---|---|---|---|
//! | `AF_INET`/`AF_INET6` (`sock-inet`) | `std::net::SocketAddr`; forms `("host", port)`, `HostPort`, `HostPortV6` | `127.0.0.1:80`, `[fe80::1%2]:80` | — (`Socket` + `InetSocketExt`) | `Socket::new(Family::INET, ..)`, `create_connection`, `create_server` |
//! | `AF_RDS` (`sock-inet`) | `std::net::SocketAddr` | `127.0.0.1:4000` | — (`Socket` + `InetSocketExt`) | `rds_socket()` |
//! | `AF_UNIX` (`sock-unix`) | `UnixAddr` | `/run/app.sock`, `@name`, `""` | — (`Socket` + `UnixSocketExt`) | `Socket::new(Family::UNIX, ..)`, `socketpair()` |
//! | `AF_CAN` (`sock-can`) | `CanAddr`, `IsoTpAddr`, `J1939Addr` (`AnyCanAddr` by protocol) | `vcan0`, `vcan0:0x7e8:0x7e0`, `vcan0:0x0:0x12300:0x80` | `CanSocket`, `BcmSocket`, `IsoTpSocket`, `J1939Socket` | `new`; `CanSocket::bound(iface)`, `BcmSocket::connected(iface)`, `IsoTpSocket::bound(addr)`, `J1939Socket::bound(addr)` |
//! | `AF_PACKET` (`sock-packet`) | `PacketAddr` (`HwAddr`) | `eth0/0x0800/otherhost/1/02:00:00:00:00:01` | `PacketSocket` | `PacketSocket::new(ty, proto)`, `PacketSocket::bound(ty, &addr)` |
//! | `AF_ALG` (`sock-alg`) | `AlgAddr` | `hash:sha256`, `skcipher:cbc(aes):0x0:0x80` | `Hash`, `Skcipher`, `Aead`, `Rng` | `Hash::new("sha256")` (operation socket), `X::bound(&addr, ..)` (transform) |
//! | `AF_VSOCK` (`sock-vsock`) | `VsockAddr` | `2:1234` | — (`Socket` + `VsockSocketExt`) | `Socket::new(Family::VSOCK, ..)` |
//! | `AF_BLUETOOTH` (`sock-bt`) | `L2capAddr`, `RfcommAddr`, `HciAddr`, `ScoAddr` (`BtAddr` by protocol) | `01:23:45:67:89:AB/4097`, `01:23:45:67:89:AB/3`, `hci0/user`, `01:23:45:67:89:AB` | — (`Socket` + `HciSocketExt`, `HciDeviceExt`) | `Socket::new(Family::BLUETOOTH, ty, Some(proto))` |
//! | `AF_TIPC` (`sock-tipc`) | `TipcAddr` (`TipcName`, `Scope`) | `{2000,200,210}/node`, `{2000,205}`, `<4711:3000>` | — (`Socket` + `TipcSocketExt`) | `Socket::new(Family::TIPC, ..)` |
//! | `AF_NETLINK` (`sock-netlink`) | `NetlinkAddr` | `1234:0x11` | `NetlinkSocket` | `NetlinkSocket::new(proto)`, `NetlinkSocket::bound(proto, addr)` |
//! | `AF_QIPCRTR` (`sock-qipcrtr`) | `QipcrtrAddr` | `1:1024` | — (plain `Socket`) | `Socket::new(Family::QIPCRTR, Type::DGRAM, None)` |
//!
//! Linux is the first-class target; platform specifics sit behind `cfg_if!` so a later port
//! stays local.
//!
//! ```
//! use sock::{Socket, Family, Type};
//! let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
//! a.send(b"ping")?;
//! assert_eq!(b.recv_vec(16)?, b"ping");
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
        mod flags;
        mod iface;
        mod kinds;
        mod mac;
        mod mode;
        mod modules;
        pub mod pod;
        mod socket;
        mod sys;
        pub mod text;
        pub mod wait;

        pub use addr::{SockAddr, ToSockAddr, SOCKADDR_MAX};
        pub use cmsg::{cmsg_len, cmsg_space};
        pub use error::{
            context, context_with_hint, cvt, errno, errno_name, invalid_input, is_timeout, target_context, timed_out,
            ErrorContext, IsMinusOne,
        };
        pub use flags::MsgFlags;
        pub use family::{family_name, FamilyAddr, ProtocolSocket, SocketKind, SocketOwner};
        pub use iface::{if_index, if_name, IfName, Interface, IFNAMSIZ};
        pub use kinds::{Family, IntoProtocol, Protocol, Type};
        pub use mac::MacAddr;
        pub use modules::kernel_module;
        pub use mode::{default_timeout, set_default_timeout, set_default_timeout_secs, Mode};
        pub use pod::Pod;
        pub use socket::*;

        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;

        /// The async layer on tokio (feature `tokio`): [`AsyncSocket`](crate::tokio::AsyncSocket)
        /// for any [`Socket`], [`Async<T>`](crate::tokio::Async) for the family crates' typed
        /// sockets. Everything is in [`aio::Async`].
        ///
        /// A glob import of a crate that has a `tokio` module (`use sock::*;`) shadows the
        /// `tokio` crate for `#[tokio::main]`/`#[tokio::test]`: import names explicitly, or write
        /// `::tokio`.
        ///
        /// ```
        /// # #[tokio::main(flavor = "current_thread")]
        /// # async fn main() -> std::io::Result<()> {
        /// use sock::{Family, Socket, Type};
        /// use sock::tokio::AsyncSocket;
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
            ///
            /// ```
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::netlink::NetlinkSocket;
            /// use sock::{consts::NETLINK_ROUTE, tokio::Async, Family};
            /// let nl: Async<NetlinkSocket> = Async::new(NetlinkSocket::new(NETLINK_ROUTE)?)?;
            /// assert_eq!(nl.socket().family(), Family::NETLINK);
            /// # Ok(())
            /// # }
            /// ```
            pub type Async<T> = crate::aio::Async<T, Reactor<T>>;
            /// A [`Socket`](crate::Socket) registered with tokio's reactor.
            ///
            /// ```
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
            /// let rx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
            /// rx.socket().bind(("127.0.0.1", 0))?;
            /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
            /// tx.send_to(b"ping", rx.socket().local_addr()?).await?;
            /// assert_eq!(rx.recv(&mut [0u8; 8]).await?, 4);
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncSocket = Async<crate::Socket>;
        }

        /// The async layer on async-io (smol; feature `async-io`): the same names as
        /// [`tokio`], registered with async-io's reactor.
        ///
        /// ```
        /// use sock::{Family, Socket, Type};
        /// use sock::async_io::AsyncSocket;
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
            ///
            /// ```
            /// use sock::netlink::NetlinkSocket;
            /// use sock::{async_io::Async, consts::NETLINK_ROUTE, Family};
            /// async_io::block_on(async {
            ///     let nl: Async<NetlinkSocket> = Async::new(NetlinkSocket::new(NETLINK_ROUTE)?)?;
            ///     assert_eq!(nl.socket().family(), Family::NETLINK);
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type Async<T> = crate::aio::Async<T, Reactor<T>>;
            /// A [`Socket`](crate::Socket) registered with async-io's reactor.
            ///
            /// ```
            /// use sock::{async_io::AsyncSocket, Family, Socket, Type};
            /// async_io::block_on(async {
            ///     let rx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
            ///     rx.socket().bind(("127.0.0.1", 0))?;
            ///     let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
            ///     tx.send_to(b"ping", rx.socket().local_addr()?).await?;
            ///     assert_eq!(rx.recv(&mut [0u8; 8]).await?, 4);
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncSocket = Async<crate::Socket>;
        }
    } else {
        compile_error!("sock-core supports Linux only for now; the platform code is gated so a port stays local");
    }
}
