//! AF_PACKET: raw link-layer frames — capture, custom Ethernet protocols, sending frames
//! that the IP stack would not build.
//!
//! - [`PacketAddr`] is CPython's `(ifname, proto, pkttype, hatype, addr)` as a struct, with
//!   the protocol in host order (network order on the wire, as CPython since gh-100231), an
//!   [`Interface`] given by index or by validated [`IfName`] (names longer than 15 bytes are an
//!   error, not silently cut as in CPython), and a [`HwAddr`] of up to 32 bytes.
//!   Text form: `eth0/0x0800[/pkttype[/hatype[/hwaddr]]]`, e.g. `eth0/0x88b5/otherhost/1/02:00:00:00:00:01`.
//! - [`PacketSocket`] wraps a [`sock_core::Socket`]: host-order protocol in the constructor,
//!   typed `recv_from`/`send_to`, memberships (promiscuous, all-multicast, multicast),
//!   `PACKET_AUXDATA` ([`AuxData`]), `PACKET_FANOUT` ([`Fanout`]), `PACKET_IGNORE_OUTGOING`,
//!   `PACKET_STATISTICS` ([`TpacketStats`]) and `PACKET_ORIGDEV`.
//! - [`consts`]: `PACKET_*`, `SOL_PACKET`, `ETH_P_*`/`ETHERTYPE_*`, `ARPHRD_*`.
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
//! Decision: no tuple form (`("eth0", 0x0800)`) is offered, because its shape would collide
//! with other families' tuples; build a [`PacketAddr`].
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `packet` feature.

mod addr;
pub mod consts;
mod hwaddr;
mod options;
mod socket;

pub use addr::PacketAddr;
pub use consts::*;
pub use hwaddr::HwAddr;
pub use options::{AuxData, Fanout, Membership, TpacketStats};
pub use sock_core::{if_index, if_name, IfName, Interface, IFNAMSIZ};
pub use socket::PacketSocket;
