//! `AF_CAN` for the `sock` workspace: everything CPython's `socket` module offers for CAN on
//! Linux, typed: `CAN_RAW` with classic, FD and XL frames ([`CanSocket`]), the broadcast
//! manager ([`BcmSocket`], [`BcmMsg`]), ISO-TP ([`IsoTpSocket`]) and SAE J1939
//! ([`J1939Socket`]); their addresses ([`CanAddr`], [`IsoTpAddr`], [`J1939Addr`], each a
//! [`FamilyAddr`](sock_core::FamilyAddr), decoded by protocol with
//! [`AnyCanAddr::decode_with`]); and every CAN constant of CPython under its Python name
//! ([`consts`], also re-exported at the crate root).
//!
//! Most programs use it through the `sock` facade (feature `can`), as `sock::can`.
//!
//! ```no_run
//! use std::time::Duration;
//! use sock::can::{CanId, CanSocket, ClassicFrame};
//!
//! // Open vcan0 (`ip link add vcan0 type vcan && ip link set vcan0 up`), send a frame, read one.
//! let can = CanSocket::bound(("vcan0",))?;
//! can.write_classic(&ClassicFrame::new(CanId::new(0x123)?, &[0xde, 0xad, 0xbe, 0xef])?)?;
//! can.as_ref().set_timeout(Some(Duration::from_secs(1)))?;
//! let frame = can.read_frame()?; // a frame another node sent (ours are not looped back to us)
//! println!("{frame}"); // candump's text: 123#DEADBEEF
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Errors say what failed on what: `bind vcan9: no such interface (ENODEV)`,
//! `setsockopt CAN_RAW_XL_FRAMES: Protocol not available (ENOPROTOOPT)`, ``CAN frame `12#00`:
//! id: ...``; the data path (`read_frame`, `write_frame` and their batch and async forms)
//! passes the kernel's errors through untouched. Read the OS error code with
//! [`sock_core::errno`].
//!
//! # Coming from Python
//!
//! | Python | Rust |
//! |---|---|
//! | `socket(AF_CAN, SOCK_RAW, CAN_RAW)` + `bind(('vcan0',))` | [`CanSocket::bound(("vcan0",))`](CanSocket::bound) |
//! | `struct.pack("=IB3x8s", id, len, data)` | [`ClassicFrame::new`] / [`FdFrame::new`], [`CanSocket::write_frame`] |
//! | `s.recvfrom(16)` + `struct.unpack` | [`CanSocket::read_frame`] / [`read_frame_from`](CanSocket::read_frame_from) |
//! | `setsockopt(SOL_CAN_RAW, CAN_RAW_FILTER, pack(...))` | [`CanSocket::set_filters`] with [`CanFilter`] |
//! | `socket(AF_CAN, SOCK_DGRAM, CAN_BCM)` + `connect(('vcan0',))` | [`BcmSocket::connected`], [`BcmMsg`] |
//! | `socket(AF_CAN, SOCK_DGRAM, CAN_ISOTP)` + `bind(('vcan0', rx, tx))` | [`IsoTpSocket::bound`] |
//! | `socket(AF_CAN, SOCK_DGRAM, CAN_J1939)` + `bind(('vcan0', name, pgn, addr))` | [`J1939Socket::bound`] |
//! | address tuples | [`CanAddr`], [`IsoTpAddr`], [`J1939Addr`]; the tuples themselves work too |
//! | `makesockaddr` of a received CAN address | [`AnyCanAddr::decode_with(&addr, protocol)`](AnyCanAddr::decode_with) |
//! | `setsockopt(SOL_CAN_RAW, CAN_RAW_LOOPBACK, 0)` | [`CanSocket::set_loopback(false)`](CanSocket::set_loopback) (on/off options take `bool`) |
//!
//! # The family contract
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! |---|---|---|---|---|
//! | `AF_CAN` | [`CanAddr`], [`IsoTpAddr`], [`J1939Addr`] ([`AnyCanAddr`] by protocol) | `vcan0`, `vcan0:0x7e8:0x7e0`, `vcan0:0x0:0x12300:0x80` | [`CanSocket`], [`BcmSocket`], [`IsoTpSocket`], [`J1939Socket`] | `new`; `CanSocket::bound(iface)`, `BcmSocket::connected(iface)`, `IsoTpSocket::bound(addr)`, `J1939Socket::bound(addr)` |
//!
//! The plain [`sock_core::Socket`] works with every CAN protocol as in Python (`bind(("vcan0",))`
//! and `send(bytes)`); the typed sockets wrap it and hand it back: each is a
//! [`ProtocolSocket`](sock_core::ProtocolSocket) (`KIND`, checked `TryFrom<Socket>` /
//! `from_socket`, `into_inner`, `socket()`, `AsRef<Socket>`, `AsFd`). Constructors are
//! `new` (`socket(2)` only) and `bound`/`connected` as in the table above; `bind` and
//! `connect` are methods.
//!
//! # Decisions
//!
//! - Interface names: CPython's tuple forms (`("vcan0",)` ...) are resolved with
//!   `ioctl(SIOCGIFINDEX)` on the socket itself, as CPython does; a typed address's
//!   [`encode`](sock_core::FamilyAddr::encode) (and so its `ToSockAddr`) resolves in the calling
//!   thread's network namespace (`if_nametoindex` semantics), and `encode_on(&socket)` (the one
//!   extra method of each address) on a given socket, for a socket of another namespace. 16
//!   bytes or more is `InvalidInput` "interface name too long"; an unknown name is the
//!   kernel's `ENODEV`. Decoding turns the index back into a name (`SIOCGIFNAME`) and keeps the
//!   index when there is no name ([`Interface::Index`]); an index encodes with no lookup.
//! - Decoding needs at least as many bytes as the kernel reports for the protocol (8 for
//!   `CAN_RAW`/`CAN_BCM`, 16 for `CAN_ISOTP`, 24 for `CAN_J1939`); shorter is `InvalidInput`.
//! - Text forms (see `text.rs`): `vcan0` / `#3` / empty (every interface);
//!   `interface:rx_id:tx_id`; `interface:name:pgn:addr` — numbers by
//!   [`sock_core::text::parse_num`] (decimal or `0x` hex), shown in hex. CAN frame text
//!   ([`Frame`]'s `Display`/`FromStr`) keeps can-utils' syntax (`123#DEADBEEF`).
//! - Classic and FD frames are the kernel structs themselves (`#[repr(C)]`, no padding), so
//!   writes borrow them and reads copy at most 72 bytes; nothing allocates except XL frames.
//! - FD payloads must be a CAN FD length (0..=8, 12, 16, 20, 24, 32, 48, 64): anything else
//!   is `InvalidInput` rather than silently padded.
//! - Reads size their buffer by `CAN_RAW_XL_FRAMES` (72 bytes unless XL is on), so turn XL on
//!   with [`CanSocket::set_xl_frames`], not on the inner socket.
//! - Batches: [`CanSocket::write_frames`] / [`CanSocket::read_frames`] move many frames per
//!   `sendmmsg`/`recvmmsg`.
//! - J1939 transfer progress: [`J1939Socket::set_tx_reports`] and
//!   [`J1939Socket::recv_report`] read the error queue into [`J1939Report`]s.
//! - No dependencies beyond `sock-core` and `libc`, except behind the async features (below).
#![cfg_attr(
    all(feature = "tokio", feature = "async-io"),
    doc = "\n# Async\n",
    doc = include_str!("async_docs.md")
)]
#![cfg_attr(
    not(all(feature = "tokio", feature = "async-io")),
    doc = "\n# Async\n\nThe features `tokio` and `async-io` add the async sockets (`aio`, `tokio`, `async_io`); \
           these docs were built without both, see the docs built with `--all-features`."
)]

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod attach;
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;
        mod bcm;
        pub mod consts;
        mod error_frame;
        mod filter;
        mod form;
        mod frame;
        mod id;
        mod iface;
        mod isotp;
        mod j1939;
        mod j1939_cmsg;
        mod j1939_errqueue;
        mod options;
        mod raw;
        mod text;

        pub use addr::{AnyCanAddr, CanAddr, IsoTpAddr, J1939Addr};
        pub use bcm::{BcmFrames, BcmMsg, BcmOpcode, BcmSocket, BCM_HEAD_SIZE, BCM_MAX_NFRAMES};
        pub use consts::*;
        pub use error_frame::{ErrorClass, ErrorFrame};
        pub use filter::CanFilter;
        pub use form::CanForm;
        pub use frame::{can_fd_dlc_to_len, can_fd_len_to_dlc, ClassicFrame, FdFrame, Frame, XlFrame};
        pub use id::CanId;
        pub use iface::{interface_from_index, IfName, Interface, IFNAMSIZ};
        pub use isotp::{IsoTpSocket, ISOTP_RECV_MAX};
        pub use j1939::{J1939Filter, J1939Recv, J1939Socket};
        pub use j1939_cmsg::J1939Cmsg;
        pub use j1939_errqueue::{
            J1939Report, J1939_TX_REPORT_FLAGS, SCM_TSTAMP_ACK, SCM_TSTAMP_SCHED, SO_EE_ORIGIN_LOCAL,
            SO_EE_ORIGIN_TIMESTAMPING,
        };
        pub use options::{IsoTpFcOptions, IsoTpLlOptions, IsoTpOptions};
        pub use raw::{CanSocket, FrameMeta};

        /// The async CAN sockets on tokio (feature `tokio`): `sock::can::tokio::AsyncCanSocket` ...
        #[cfg(feature = "tokio")]
        pub mod tokio {
            /// [`aio::AsyncCanSocket`](crate::aio::AsyncCanSocket) on tokio.
            ///
            /// ```no_run
            /// # #[cfg(feature = "tokio")]
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// let can = sock::can::tokio::AsyncCanSocket::bound(("vcan0",))?;
            /// can.get_ref().set_recv_own_msgs(true)?;
            /// can.write_frame(&"123#01".parse()?).await?;
            /// assert_eq!(can.read_frame().await?.to_string(), "123#01");
            /// # Ok(())
            /// # }
            /// # #[cfg(not(feature = "tokio"))]
            /// # fn main() {}
            /// ```
            pub type AsyncCanSocket = crate::aio::AsyncCanSocket<sock_core::tokio::Reactor<crate::CanSocket>>;
            /// [`aio::AsyncBcmSocket`](crate::aio::AsyncBcmSocket) on tokio.
            ///
            /// ```no_run
            /// # #[cfg(feature = "tokio")]
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use std::time::Duration;
            /// use sock::can::{BcmMsg, BcmOpcode, CanId, ClassicFrame, BCM_HEAD_SIZE};
            /// let bcm = sock::can::tokio::AsyncBcmSocket::connected(("vcan0",))?;
            /// let id = CanId::new(0x123)?;
            /// let cyclic = BcmMsg::new(BcmOpcode::TxSetup, id).with_frames(ClassicFrame::new(id, &[1])?);
            /// let sent = bcm.send(&cyclic.with_timers(0, Duration::ZERO, Duration::from_millis(100))).await?;
            /// assert_eq!(sent, BCM_HEAD_SIZE + 16); // the kernel now sends 0x123 every 100 ms
            /// # Ok(())
            /// # }
            /// # #[cfg(not(feature = "tokio"))]
            /// # fn main() {}
            /// ```
            pub type AsyncBcmSocket = crate::aio::AsyncBcmSocket<sock_core::tokio::Reactor<crate::BcmSocket>>;
            /// [`aio::AsyncIsoTpSocket`](crate::aio::AsyncIsoTpSocket) on tokio.
            ///
            /// ```no_run
            /// # #[cfg(feature = "tokio")]
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// let s = sock::can::tokio::AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
            /// s.send(&[0x3e, 0x00]).await?; // UDS TesterPresent
            /// assert_eq!(s.recv_vec().await?, [0x7e, 0x00]);
            /// # Ok(())
            /// # }
            /// # #[cfg(not(feature = "tokio"))]
            /// # fn main() {}
            /// ```
            pub type AsyncIsoTpSocket = crate::aio::AsyncIsoTpSocket<sock_core::tokio::Reactor<crate::IsoTpSocket>>;
            /// [`aio::AsyncJ1939Socket`](crate::aio::AsyncJ1939Socket) on tokio.
            ///
            /// ```no_run
            /// # #[cfg(feature = "tokio")]
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::can::{J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
            /// let j = sock::can::tokio::AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
            /// assert_eq!(j.send_to(b"hello", J1939Addr::to(0x12300, 0x90)).await?, 5);
            /// # Ok(())
            /// # }
            /// # #[cfg(not(feature = "tokio"))]
            /// # fn main() {}
            /// ```
            pub type AsyncJ1939Socket = crate::aio::AsyncJ1939Socket<sock_core::tokio::Reactor<crate::J1939Socket>>;
        }

        /// The async CAN sockets on async-io / smol (feature `async-io`):
        /// `sock::can::async_io::AsyncCanSocket` ...
        #[cfg(feature = "async-io")]
        pub mod async_io {
            /// [`aio::AsyncCanSocket`](crate::aio::AsyncCanSocket) on async-io.
            ///
            /// ```no_run
            /// # #[cfg(feature = "async-io")]
            /// # fn main() -> std::io::Result<()> {
            /// async_io::block_on(async {
            ///     let can = sock::can::async_io::AsyncCanSocket::bound(("vcan0",))?;
            ///     can.get_ref().set_recv_own_msgs(true)?;
            ///     can.write_frame(&"123#01".parse()?).await?;
            ///     assert_eq!(can.read_frame().await?.to_string(), "123#01");
            ///     Ok::<(), std::io::Error>(())
            /// })
            /// # }
            /// # #[cfg(not(feature = "async-io"))]
            /// # fn main() {}
            /// ```
            pub type AsyncCanSocket = crate::aio::AsyncCanSocket<sock_core::async_io::Reactor<crate::CanSocket>>;
            /// [`aio::AsyncBcmSocket`](crate::aio::AsyncBcmSocket) on async-io.
            ///
            /// ```no_run
            /// # #[cfg(feature = "async-io")]
            /// # fn main() -> std::io::Result<()> {
            /// async_io::block_on(async {
            ///     use sock::can::{BcmMsg, BcmOpcode, CanId, CAN_BCM_RX_FILTER_ID};
            ///     let bcm = sock::can::async_io::AsyncBcmSocket::connected(("vcan0",))?;
            ///     let id = CanId::new(0x123)?;
            ///     bcm.send(&BcmMsg::new(BcmOpcode::RxSetup, id).with_flags(CAN_BCM_RX_FILTER_ID)).await?;
            ///     assert_eq!(bcm.recv().await?.opcode, BcmOpcode::RxChanged); // 0x123 came or changed
            ///     Ok::<(), std::io::Error>(())
            /// })
            /// # }
            /// # #[cfg(not(feature = "async-io"))]
            /// # fn main() {}
            /// ```
            pub type AsyncBcmSocket = crate::aio::AsyncBcmSocket<sock_core::async_io::Reactor<crate::BcmSocket>>;
            /// [`aio::AsyncIsoTpSocket`](crate::aio::AsyncIsoTpSocket) on async-io.
            ///
            /// ```no_run
            /// # #[cfg(feature = "async-io")]
            /// # fn main() -> std::io::Result<()> {
            /// async_io::block_on(async {
            ///     let s = sock::can::async_io::AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
            ///     s.send(&[0x3e, 0x00]).await?; // UDS TesterPresent
            ///     assert_eq!(s.recv_vec().await?, [0x7e, 0x00]);
            ///     Ok::<(), std::io::Error>(())
            /// })
            /// # }
            /// # #[cfg(not(feature = "async-io"))]
            /// # fn main() {}
            /// ```
            pub type AsyncIsoTpSocket = crate::aio::AsyncIsoTpSocket<sock_core::async_io::Reactor<crate::IsoTpSocket>>;
            /// [`aio::AsyncJ1939Socket`](crate::aio::AsyncJ1939Socket) on async-io.
            ///
            /// ```no_run
            /// # #[cfg(feature = "async-io")]
            /// # fn main() -> std::io::Result<()> {
            /// async_io::block_on(async {
            ///     use sock::can::{J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
            ///     let j = sock::can::async_io::AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
            ///     assert_eq!(j.send_to(b"hello", J1939Addr::to(0x12300, 0x90)).await?, 5);
            ///     Ok::<(), std::io::Error>(())
            /// })
            /// # }
            /// # #[cfg(not(feature = "async-io"))]
            /// # fn main() {}
            /// ```
            pub type AsyncJ1939Socket = crate::aio::AsyncJ1939Socket<sock_core::async_io::Reactor<crate::J1939Socket>>;
        }
    } else {
        compile_error!("sock-can supports Linux only: AF_CAN is a Linux family");
    }
}
