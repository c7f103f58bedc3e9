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
//! ```no_run
//! use sock_packet::{HwAddr, PacketAddr, PacketSocket, ETH_P_802_EX1};
//!
//! // Send a payload with a private ethertype to everyone on eth0; the kernel adds the header.
//! let sock = PacketSocket::dgram(ETH_P_802_EX1)?;
//! let to = PacketAddr::new(sock.if_index("eth0")?, ETH_P_802_EX1).with_hwaddr(HwAddr::BROADCAST);
//! sock.send_to(b"hello, link", &to)?;
//! # Ok::<(), std::io::Error>(())
//! ```
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
    } else {
        compile_error!("sock-packet supports Linux only (AF_PACKET is Linux's)");
    }
}
