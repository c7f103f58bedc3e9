//! AF_BLUETOOTH: L2CAP, RFCOMM, HCI and SCO addresses, the HCI filter and controller ioctls,
//! typed options, and the Bluetooth constants.
//!
//! What CPython's `socket` module offers for `AF_BLUETOOTH`, typed:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `"01:23:45:67:89:AB"`, `BDADDR_ANY`, `BDADDR_LOCAL` | [`BdAddr`], [`BdAddr::ANY`], [`BdAddr::LOCAL`] (the strings too) |
//! | L2CAP `(bdaddr, psm[, cid[, bdaddr_type]])` | [`L2capAddr`] |
//! | RFCOMM `(bdaddr, channel)` | [`RfcommAddr`] |
//! | HCI `dev` / `(dev, channel)` | [`HciAddr`] |
//! | SCO `bdaddr` | [`ScoAddr`] |
//! | `makesockaddr` for Bluetooth | [`BtAddr::decode_with`]`(addr, protocol)` |
//! | `BTPROTO_*`, `SOL_*`, `HCI_*`, `BDADDR_*`, `BT_*`, `L2CAP_LM*` | [`consts`] (re-exported here); typed protocols in [`protocol`] |
//! | `s.setsockopt(SOL_HCI, HCI_FILTER, bytes)` | [`HciSocketExt::set_hci_filter`] with a typed [`HciFilter`] |
//! | `HCI_DATA_DIR`, `HCI_TIME_STAMP` and their ancillary data | [`HciSocketExt`] (`bool`s), [`HciAncillary`] |
//! | `s.setsockopt(SOL_BLUETOOTH, BT_SECURITY, …)` and the other `BT_*`, `L2CAP_LM`, `RFCOMM_LM` options | [`opt`] (typed, e.g. [`BtSecurity`]; on/off ones `bool`) |
//! | `fcntl.ioctl(s, HCIGETDEVINFO, …)`, `HCIDEVUP`, `HCISETSCAN` … | [`HciDeviceExt`] ([`device`]) |
//!
//! ```no_run
//! use sock::{Family, FamilyAddr, Socket, Type};
//! use sock::bt::{protocol, L2capAddr, BdAddr, BDADDR_LE_PUBLIC};
//!
//! let s = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP))?;
//! s.bind(L2capAddr::new(BdAddr::ANY, 0).with_cid(4).with_addr_type(BDADDR_LE_PUBLIC))?;
//! println!("bound to {}", L2capAddr::decode(&s.local_addr()?)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The family contract (`sock_core::family`), in one row of the verbs table:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_BLUETOOTH` (`bt`) | [`L2capAddr`], [`RfcommAddr`], [`HciAddr`], [`ScoAddr`] ([`BtAddr`] by protocol) | `01:23:45:67:89:AB/4097/0/le-public`, `01:23:45:67:89:AB/3`, `hci0/user`, `01:23:45:67:89:AB` | none (`Socket` + [`HciSocketExt`], [`HciDeviceExt`]) | `Socket::new(Family::BLUETOOTH, ty, Some(protocol::X))` |
//!
//! Decisions:
//! - Each address type of the four protocols is a [`sock_core::FamilyAddr`]: `decode` (any
//!   bytes: a wrong family or a short address is `InvalidInput` naming it), `encode`, and one
//!   text form (documented on the type) that round-trips. Encoding cannot fail, so
//!   `From<X> for SockAddr` exists as well. [`BtAddr`] is the address of any of them: the
//!   kernel's structs cannot be told apart by their bytes, so it decodes with the socket's
//!   protocol ([`BtAddr::decode_with`]) and prefixes the text form with the protocol name.
//! - Numbers in text forms follow `sock_core::text::parse_num` (decimal or `0x` hex, no sign
//!   or space); a [`BdAddr`] is six two-digit hex bytes (`sock_core::text::parse_hex_bytes`),
//!   printed upper-case. Unlike CPython (`sscanf("%X")`), one-digit groups, `0x`, signs and
//!   spaces are refused.
//! - No tuple forms (no `form.rs`): CPython's `(bdaddr, channel)` would be `(&str, u8)`, which
//!   with untyped integer literals collides with sock-inet's `(&str, u16)` as soon as both
//!   features are on; build the typed address instead (`RfcommAddr::new(bd, 3)` or
//!   `"01:23:45:67:89:AB/3".parse()`).
//! - No typed protocol socket: Bluetooth sockets have no structure the kernel does not already
//!   give `Socket`; the extension traits [`HciSocketExt`] and [`HciDeviceExt`] are sealed.
//! - On/off options are `bool` (`opt::DEFER_SETUP`, `opt::FLUSHABLE`, `opt::PKT_STATUS`,
//!   `set_hci_data_dir`); `BT_POWER` stays `u8` because the kernel's value is a one-byte struct.
//!
//!
//! The async layer (features `tokio`, `async-io`) is described in the `# Async` section of the
//! docs built with either feature.
#![cfg_attr(any(feature = "tokio", feature = "async-io"), doc = include_str!("async.md"))]

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        mod aio;
        mod bdaddr;
        pub mod consts;
        pub mod device;
        mod ext;
        mod filter;
        mod hci;
        mod l2cap;
        mod options;
        mod rfcomm;
        mod sco;
        mod text;

        pub use addr::BtAddr;
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub use aio::{AsyncBtExt, HciEvents, HciPacket};
        pub use bdaddr::BdAddr;
        pub use consts::*;
        pub use device::{HciDevInfo, HciDeviceExt};
        pub use ext::HciSocketExt;
        pub use filter::{HciAncillary, HciFilter};
        pub use hci::HciAddr;
        pub use l2cap::L2capAddr;
        pub use options::{opt, BtSecurity};
        pub use rfcomm::RfcommAddr;
        pub use sco::ScoAddr;

        /// The async items on tokio (feature `tokio`): [`HciEvents`] and
        /// sock-core's `AsyncSocket`, registered with tokio's reactor.
        #[cfg(feature = "tokio")]
        pub mod tokio {
            pub use sock_core::tokio::{AsyncSocket, Interest, Reactor};

            /// A raw HCI socket's packets as a `Stream`, on tokio.
            ///
            /// ```no_run
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt};
            /// let s = sock::Socket::new(sock::Family::BLUETOOTH, sock::Type::RAW, Some(protocol::HCI))?;
            /// s.set_hci_filter(&HciFilter::all())?;
            /// s.bind(HciAddr::new(0))?;
            /// let events = HciEvents::new(s)?;
            /// let first = events.recv().await?;
            /// assert!(first.is_none_or(|p| !p.data.is_empty()));
            /// # Ok(())
            /// # }
            /// ```
            pub type HciEvents = crate::HciEvents<Reactor<sock_core::Socket>>;
        }

        /// The async items on async-io / smol (feature `async-io`): the same names as
        /// `tokio`, registered with async-io's reactor.
        #[cfg(feature = "async-io")]
        pub mod async_io {
            pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};

            /// A raw HCI socket's packets as a `Stream`, on async-io.
            ///
            /// ```no_run
            /// use sock::bt::{protocol, async_io::HciEvents, HciAddr, HciFilter, HciSocketExt};
            /// let s = sock::Socket::new(sock::Family::BLUETOOTH, sock::Type::RAW, Some(protocol::HCI))?;
            /// s.set_hci_filter(&HciFilter::all())?;
            /// s.bind(HciAddr::new(0))?;
            /// async_io::block_on(async {
            ///     let events = HciEvents::new(s)?;
            ///     let first = events.recv().await?;
            ///     assert!(first.is_none_or(|p| !p.data.is_empty()));
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type HciEvents = crate::HciEvents<Reactor<sock_core::Socket>>;
        }

        /// The Bluetooth protocols as typed [`sock_core::Protocol`] values, for `Socket::new`.
        pub mod protocol {
            use sock_core::Protocol;

            use crate::consts::*;

            /// `BTPROTO_L2CAP` (`SOCK_SEQPACKET`, `SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_RAW`).
            pub const L2CAP: Protocol = Protocol(BTPROTO_L2CAP);
            /// `BTPROTO_HCI` (`SOCK_RAW`).
            pub const HCI: Protocol = Protocol(BTPROTO_HCI);
            /// `BTPROTO_SCO` (`SOCK_SEQPACKET`).
            pub const SCO: Protocol = Protocol(BTPROTO_SCO);
            /// `BTPROTO_RFCOMM` (`SOCK_STREAM`).
            pub const RFCOMM: Protocol = Protocol(BTPROTO_RFCOMM);
            /// `BTPROTO_ISO` (`SOCK_SEQPACKET`, LE audio; Linux 6.0+ with experimental features on).
            pub const ISO: Protocol = Protocol(BTPROTO_ISO);
        }
    } else {
        compile_error!("sock-bt supports Linux only (AF_BLUETOOTH is BlueZ's)");
    }
}
