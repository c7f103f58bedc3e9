//! AF_PACKET: raw link-layer frames — capture, custom Ethernet protocols, sending frames
//! that the IP stack would not build.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `packet`
//! feature. It follows the family contract of [`sock_core::FamilyAddr`] and [`sock_core::ProtocolSocket`]:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_PACKET` | [`PacketAddr`] ([`HwAddr`] inside) | `eth0/0x0800/otherhost/1/02:00:00:00:00:01` | [`PacketSocket`] | `new(ty, proto)` (`raw(proto)`, `dgram(proto)`), `bound(ty, &addr)` |
//!
//! Coming from Python:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `socket(AF_PACKET, SOCK_RAW, htons(proto))` | [`PacketSocket::raw`]`(proto)` / [`PacketSocket::dgram`] (host order) |
//! | `(ifname, proto[, pkttype[, hatype[, addr]]])` | [`PacketAddr::new`]`(iface, proto)` + `with_pkttype` / `with_hatype` / `with_hwaddr` |
//! | a returned address (interface by name) | [`PacketAddr`] (by index) + [`PacketAddr::with_name`] |
//! | `s.bind(("eth0", proto))` | [`PacketSocket::bound`] or `sock.bind(&addr)` |
//! | `setsockopt(SOL_PACKET, PACKET_ADD_MEMBERSHIP, mreq)` | [`PacketSocket::add_membership`] with [`Membership`] |
//! | `PACKET_AUXDATA` / `PACKET_FANOUT` / `PACKET_STATISTICS` | [`PacketSocket::recv_with_auxdata`] ([`AuxData`]) / [`PacketSocket::set_fanout`] ([`Fanout`]) / [`PacketSocket::statistics`] ([`TpacketStats`]) |
//! | `PACKET_*`, `ETH_P_ALL`, `ETHERTYPE_*` | [`consts`] (re-exported here) |
//!
//! - [`PacketAddr`] is CPython's `(ifname, proto, pkttype, hatype, addr)` as a struct and a
//!   [`FamilyAddr`](sock_core::FamilyAddr), with the protocol in host order (network order on
//!   the wire, as CPython since gh-100231), an [`Interface`] given by index or by validated
//!   [`IfName`], and a [`HwAddr`] of up to 32 bytes.
//! - [`PacketSocket`] is a [`ProtocolSocket`](sock_core::ProtocolSocket) (`AF_PACKET`,
//!   `SOCK_RAW` or `SOCK_DGRAM`, any protocol): typed `recv_from`/`send_to`, memberships
//!   (promiscuous, all-multicast, multicast), `PACKET_AUXDATA`, `PACKET_FANOUT`,
//!   `PACKET_IGNORE_OUTGOING`, `PACKET_STATISTICS` and `PACKET_ORIGDEV` (on/off options take
//!   `bool`).
//!
//! The plain [`sock_core::Socket`] works too: every address method accepts a [`PacketAddr`].
//!
//! Capture on `lo` (needs `CAP_NET_RAW`):
//!
//! ```no_run
//! use std::time::Duration;
//! use sock::packet::{Interface, PacketAddr, PacketSocket, ETH_P_ALL};
//!
//! let lo = PacketAddr::new(Interface::name("lo")?, ETH_P_ALL);
//! let sock = PacketSocket::bound(sock::Type::RAW, &lo)?;
//! sock.as_ref().set_timeout(Some(Duration::from_secs(1)))?;
//! let mut frame = [0u8; 65536];
//! let (n, from) = sock.recv_from(&mut frame)?;
//! println!("{n} bytes, protocol {:#06x}, {}", from.protocol, from.with_name(&sock)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Send a payload with a private ethertype to everyone on eth0; the kernel adds the header:
//!
//! ```no_run
//! use sock::packet::{HwAddr, PacketAddr, PacketSocket, ETH_P_802_EX1};
//!
//! let sock = PacketSocket::dgram(ETH_P_802_EX1)?;
//! let to = PacketAddr::new(sock.if_index("eth0")?, ETH_P_802_EX1).with_hwaddr(HwAddr::BROADCAST);
//! sock.send_to(b"hello, link", &to)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Errors of the setup paths name what failed (`bind eth9: no such interface (ENODEV)`,
//! `PACKET_ADD_MEMBERSHIP eth9: ...`, `setsockopt PACKET_FANOUT: ...`); receive and send
//! pass the kernel's errors through untouched. Read the OS error code with
//! [`sock_core::errno`].
//!
//! Decisions:
//! - No tuple form (`("eth0", 0x0800)`) is offered, because its shape would collide with
//!   other families' tuples; build a [`PacketAddr`].
//! - Interface names longer than 15 bytes are an error, not silently cut as in CPython.
//! - An interface name is looked up on the socket that uses the address (its network
//!   namespace), so `FamilyAddr::encode` refuses a name and [`PacketAddr::encode_on`] takes
//!   the socket; received addresses carry the index.
//! - Hardware addresses in text are two hex digits a byte (`02:00:5e:00:00:01`), the shared
//!   rule of [`sock_core::text::parse_hex_bytes`]; one-digit bytes are refused.
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
        pub mod consts;
        mod hwaddr;
        mod options;
        mod socket;
        mod text;

        pub use addr::PacketAddr;
        pub use consts::*;
        pub use hwaddr::HwAddr;
        pub use options::{AuxData, Fanout, Membership, TpacketStats};
        pub use sock_core::{if_index, if_name, IfName, Interface, IFNAMSIZ};
        pub use socket::PacketSocket;

        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;

        /// The async packet socket on tokio (feature `tokio`).
        #[cfg(feature = "tokio")]
        pub mod tokio {
            /// A [`PacketSocket`](crate::PacketSocket) registered with tokio's reactor.
            ///
            /// ```
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
            /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7ec); // an unused ethertype
            /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
            /// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
            /// assert_eq!(sock.recv_from(&mut [0u8; 64]).await?.0, 4);
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncPacketSocket = crate::aio::AsyncPacketSocket<sock_core::tokio::Reactor<crate::PacketSocket>>;
        }

        /// The async packet socket on async-io (feature `async-io`).
        #[cfg(feature = "async-io")]
        pub mod async_io {
            /// A [`PacketSocket`](crate::PacketSocket) registered with async-io's reactor.
            ///
            /// ```
            /// use sock::packet::{async_io::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
            /// async_io::block_on(async {
            ///     let lo = PacketAddr::new(IfName::new("lo")?, 0xb7ed); // an unused ethertype
            ///     let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
            ///     sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
            ///     assert_eq!(sock.recv_from(&mut [0u8; 64]).await?.0, 4);
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncPacketSocket = crate::aio::AsyncPacketSocket<sock_core::async_io::Reactor<crate::PacketSocket>>;
        }
    } else {
        compile_error!("sock-packet supports Linux only (AF_PACKET is Linux's)");
    }
}
