//! AF_PACKET constants under their Python/Linux names with the values of `<linux/if_packet.h>`
//! and `<linux/if_ether.h>`.
//!
//! ```
//! use sock::packet::{ETH_P_ALL, PACKET_OUTGOING, SOL_PACKET};
//! assert_eq!((ETH_P_ALL, PACKET_OUTGOING, SOL_PACKET), (3, 4, 263));
//! ```
//!
//! Types follow the field they go in: packet types are `u8` (`sll_pkttype`), Ethernet protocol
//! numbers are host-order `u16` (`PacketAddr::protocol`), option names and levels are `i32`.

// The same items as sock-core's, so flat glob re-exports of both never clash.
pub use sock_core::consts::{AF_PACKET, PF_PACKET};
/// `SOL_PACKET`: the option level of the `PACKET_*` socket options (263).
pub const SOL_PACKET: i32 = libc::SOL_PACKET;

// --- packet types (`sll_pkttype`) ----------------------------------------------------------
// CPython exports PACKET_HOST..PACKET_FASTROUTE.
/// `PACKET_HOST`: a frame addressed to this host.
pub const PACKET_HOST: u8 = 0;
/// `PACKET_BROADCAST`: a link-layer broadcast frame.
pub const PACKET_BROADCAST: u8 = 1;
/// `PACKET_MULTICAST`: a link-layer multicast frame.
pub const PACKET_MULTICAST: u8 = 2;
/// `PACKET_OTHERHOST`: a frame addressed to another host, seen in promiscuous mode.
pub const PACKET_OTHERHOST: u8 = 3;
/// `PACKET_OUTGOING`: a frame this host sent, looped back to packet sockets.
pub const PACKET_OUTGOING: u8 = 4;
/// `PACKET_LOOPBACK`: a frame of the loopback device (MC/BRD frames looped back; internal).
pub const PACKET_LOOPBACK: u8 = 5;
/// `PACKET_USER`: a frame to user space (internal to the kernel).
pub const PACKET_USER: u8 = 6;
/// `PACKET_KERNEL`: a frame to the kernel (internal to the kernel).
pub const PACKET_KERNEL: u8 = 7;
/// `PACKET_FASTROUTE`: unused by Linux today; the same number as [`PACKET_USER`], as in the
/// kernel header.
pub const PACKET_FASTROUTE: u8 = 6;

// --- socket options at SOL_PACKET -----------------------------------------------------------
/// `PACKET_ADD_MEMBERSHIP`: add a `struct packet_mreq` membership (promiscuous, all-multicast,
/// a multicast or extra unicast address) to an interface.
pub const PACKET_ADD_MEMBERSHIP: i32 = 1;
/// `PACKET_DROP_MEMBERSHIP`: drop a membership added with `PACKET_ADD_MEMBERSHIP`.
pub const PACKET_DROP_MEMBERSHIP: i32 = 2;
/// `PACKET_RECV_OUTPUT`: historical option to receive outgoing frames (unused by Linux).
pub const PACKET_RECV_OUTPUT: i32 = 3;
/// `PACKET_RX_RING`: set up a memory-mapped receive ring (`struct tpacket_req`).
pub const PACKET_RX_RING: i32 = 5;
/// `PACKET_STATISTICS`: read (and reset) `struct tpacket_stats`: frames received and dropped.
pub const PACKET_STATISTICS: i32 = 6;
/// `PACKET_COPY_THRESH`: size up to which ring frames are also copied to the socket queue.
pub const PACKET_COPY_THRESH: i32 = 7;
/// `PACKET_AUXDATA`: deliver a `struct tpacket_auxdata` control message with each frame.
pub const PACKET_AUXDATA: i32 = 8;
/// `PACKET_ORIGDEV`: report the original device (a bonding slave) instead of the master.
pub const PACKET_ORIGDEV: i32 = 9;
/// `PACKET_VERSION`: the ring's frame header version (`TPACKET_V1`..`V3`).
pub const PACKET_VERSION: i32 = 10;
/// `PACKET_HDRLEN`: read the header length of a ring frame header version.
pub const PACKET_HDRLEN: i32 = 11;
/// `PACKET_RESERVE`: headroom in bytes reserved before each ring frame.
pub const PACKET_RESERVE: i32 = 12;
/// `PACKET_TX_RING`: set up a memory-mapped transmit ring (`struct tpacket_req`).
pub const PACKET_TX_RING: i32 = 13;
/// `PACKET_LOSS`: let the transmit ring skip malformed frames instead of stopping.
pub const PACKET_LOSS: i32 = 14;
/// `PACKET_VNET_HDR`: frames carry a `struct virtio_net_hdr` in front (offloads).
pub const PACKET_VNET_HDR: i32 = 15;
/// `PACKET_TX_TIMESTAMP`: the timestamping flags (`SOF_TIMESTAMPING_*`) of the transmit ring.
pub const PACKET_TX_TIMESTAMP: i32 = 16;
/// `PACKET_TIMESTAMP`: the timestamp source of ring frames (`SOF_TIMESTAMPING_*`).
pub const PACKET_TIMESTAMP: i32 = 17;
/// `PACKET_FANOUT`: join a fanout group that spreads frames over its sockets.
pub const PACKET_FANOUT: i32 = 18;
/// `PACKET_TX_HAS_OFF`: transmit ring frames give their data offset (`tp_net`/`tp_mac`).
pub const PACKET_TX_HAS_OFF: i32 = 19;
/// `PACKET_QDISC_BYPASS`: send straight to the device, bypassing the qdisc layer.
pub const PACKET_QDISC_BYPASS: i32 = 20;
/// `PACKET_ROLLOVER_STATS`: read `struct tpacket_rollover_stats` of a rollover fanout.
pub const PACKET_ROLLOVER_STATS: i32 = 21;
/// `PACKET_FANOUT_DATA`: the BPF program of a `PACKET_FANOUT_CBPF`/`_EBPF` group.
pub const PACKET_FANOUT_DATA: i32 = 22;
/// `PACKET_IGNORE_OUTGOING`: do not deliver frames this host sends (Linux 4.20+).
pub const PACKET_IGNORE_OUTGOING: i32 = 23;
/// `PACKET_VNET_HDR_SZ`: the size of the virtio-net header of `PACKET_VNET_HDR` (Linux 6.2+).
pub const PACKET_VNET_HDR_SZ: i32 = 24;

// --- `packet_mreq::mr_type` for PACKET_ADD/DROP_MEMBERSHIP ----------------------------------
/// `PACKET_MR_MULTICAST`: receive frames to the multicast address in `mr_address`.
pub const PACKET_MR_MULTICAST: u16 = 0;
/// `PACKET_MR_PROMISC`: put the interface in promiscuous mode.
pub const PACKET_MR_PROMISC: u16 = 1;
/// `PACKET_MR_ALLMULTI`: receive every multicast frame.
pub const PACKET_MR_ALLMULTI: u16 = 2;
/// `PACKET_MR_UNICAST`: receive frames to the extra unicast address in `mr_address`.
pub const PACKET_MR_UNICAST: u16 = 3;

// --- PACKET_FANOUT modes (low bits of the type) and flags ------------------------------------
/// `PACKET_FANOUT_HASH`: by flow hash (a flow stays on one socket).
pub const PACKET_FANOUT_HASH: u16 = 0;
/// `PACKET_FANOUT_LB`: round robin.
pub const PACKET_FANOUT_LB: u16 = 1;
/// `PACKET_FANOUT_CPU`: by the CPU the frame arrived on.
pub const PACKET_FANOUT_CPU: u16 = 2;
/// `PACKET_FANOUT_ROLLOVER`: fill one socket, then move on to the next.
pub const PACKET_FANOUT_ROLLOVER: u16 = 3;
/// `PACKET_FANOUT_RND`: at random.
pub const PACKET_FANOUT_RND: u16 = 4;
/// `PACKET_FANOUT_QM`: by the frame's recorded receive queue.
pub const PACKET_FANOUT_QM: u16 = 5;
/// `PACKET_FANOUT_CBPF`: by a classic BPF program (`PACKET_FANOUT_DATA`).
pub const PACKET_FANOUT_CBPF: u16 = 6;
/// `PACKET_FANOUT_EBPF`: by an eBPF program (`PACKET_FANOUT_DATA`).
pub const PACKET_FANOUT_EBPF: u16 = 7;
/// `PACKET_FANOUT_FLAG_ROLLOVER`: move to another socket when the chosen one is full.
pub const PACKET_FANOUT_FLAG_ROLLOVER: u16 = 0x1000;
/// `PACKET_FANOUT_FLAG_UNIQUEID`: let the kernel pick an unused group id.
pub const PACKET_FANOUT_FLAG_UNIQUEID: u16 = 0x2000;
/// `PACKET_FANOUT_FLAG_IGNORE_OUTGOING`: the group does not see outgoing frames.
pub const PACKET_FANOUT_FLAG_IGNORE_OUTGOING: u16 = 0x4000;
/// `PACKET_FANOUT_FLAG_DEFRAG`: reassemble IP fragments before choosing a socket.
pub const PACKET_FANOUT_FLAG_DEFRAG: u16 = 0x8000;

// --- `tpacket_auxdata::tp_status` bits -------------------------------------------------------
/// `TP_STATUS_USER`: a ring frame belongs to user space (ready to read).
pub const TP_STATUS_USER: u32 = 1 << 0;
/// `TP_STATUS_COPY`: the frame was too long for the ring and was copied to the socket queue.
pub const TP_STATUS_COPY: u32 = 1 << 1;
/// `TP_STATUS_LOSING`: frames were dropped since the last statistics read.
pub const TP_STATUS_LOSING: u32 = 1 << 2;
/// `TP_STATUS_CSUMNOTREADY`: the transport checksum is not computed yet (a local frame).
pub const TP_STATUS_CSUMNOTREADY: u32 = 1 << 3;
/// `TP_STATUS_VLAN_VALID`: `tp_vlan_tci` holds a VLAN tag the device stripped.
pub const TP_STATUS_VLAN_VALID: u32 = 1 << 4;
/// `TP_STATUS_BLK_TMO`: a `TPACKET_V3` block was closed by its timeout.
pub const TP_STATUS_BLK_TMO: u32 = 1 << 5;
/// `TP_STATUS_VLAN_TPID_VALID`: `tp_vlan_tpid` is valid.
pub const TP_STATUS_VLAN_TPID_VALID: u32 = 1 << 6;
/// `TP_STATUS_CSUM_VALID`: the transport checksum was verified.
pub const TP_STATUS_CSUM_VALID: u32 = 1 << 7;

// --- Ethernet protocol numbers (host order, `<linux/if_ether.h>`) ---------------------------
// CPython 3.12 added ETH_P_ALL and ETHERTYPE_*.
/// `ETH_P_LOOP`: Ethernet loopback packet.
pub const ETH_P_LOOP: u16 = 0x0060;
/// `ETH_P_IP`: IPv4.
pub const ETH_P_IP: u16 = 0x0800;
/// `ETH_P_ARP`: ARP.
pub const ETH_P_ARP: u16 = 0x0806;
/// `ETH_P_8021Q`: an IEEE 802.1Q VLAN-tagged frame.
pub const ETH_P_8021Q: u16 = 0x8100;
/// `ETH_P_IPV6`: IPv6.
pub const ETH_P_IPV6: u16 = 0x86DD;
/// `ETH_P_8021AD`: an IEEE 802.1ad (QinQ) service VLAN tag.
pub const ETH_P_8021AD: u16 = 0x88A8;
/// `ETH_P_802_EX1`: IEEE 802 local experimental ethertype 1, free for private protocols and
/// tests.
pub const ETH_P_802_EX1: u16 = 0x88B5;
/// `ETH_P_802_3`: a pseudo protocol: Novell raw IEEE 802.3 frames (no ethertype).
pub const ETH_P_802_3: u16 = 0x0001;
/// `ETH_P_ALL`: every protocol: the `protocol` of a socket that sees all frames, outgoing ones
/// included.
pub const ETH_P_ALL: u16 = 0x0003;
/// `ETH_P_802_2`: a pseudo protocol: IEEE 802.2 LLC frames.
pub const ETH_P_802_2: u16 = 0x0004;
/// `ETHERTYPE_IP`: IPv4 (`<net/ethernet.h>`'s name for [`ETH_P_IP`]).
pub const ETHERTYPE_IP: u16 = ETH_P_IP;
/// `ETHERTYPE_ARP`: ARP (`<net/ethernet.h>`'s name for [`ETH_P_ARP`]).
pub const ETHERTYPE_ARP: u16 = ETH_P_ARP;
/// `ETHERTYPE_VLAN`: IEEE 802.1Q VLAN (`<net/ethernet.h>`'s name for [`ETH_P_8021Q`]).
pub const ETHERTYPE_VLAN: u16 = ETH_P_8021Q;
/// `ETHERTYPE_IPV6`: IPv6 (`<net/ethernet.h>`'s name for [`ETH_P_IPV6`]).
pub const ETHERTYPE_IPV6: u16 = ETH_P_IPV6;
/// `ETH_ALEN`: octets in an Ethernet address, 6.
pub const ETH_ALEN: usize = 6;
/// `ETH_HLEN`: octets in an Ethernet header (two addresses and the type), 14.
pub const ETH_HLEN: usize = 14;

// --- hardware types (`sll_hatype`, `ARPHRD_*` of `<linux/if_arp.h>`) ------------------------
/// `ARPHRD_NETROM`: from KA9Q, NET/ROM pseudo (0).
pub const ARPHRD_NETROM: u16 = libc::ARPHRD_NETROM;
/// `ARPHRD_ETHER`: Ethernet (1).
pub const ARPHRD_ETHER: u16 = libc::ARPHRD_ETHER;
/// `ARPHRD_IEEE802`: IEEE 802.2 Ethernet/Token Ring (6).
pub const ARPHRD_IEEE802: u16 = libc::ARPHRD_IEEE802;
/// `ARPHRD_INFINIBAND`: InfiniBand (32).
pub const ARPHRD_INFINIBAND: u16 = libc::ARPHRD_INFINIBAND;
/// `ARPHRD_CAN`: a CAN bus interface (280).
pub const ARPHRD_CAN: u16 = libc::ARPHRD_CAN;
/// `ARPHRD_LOOPBACK`: the loopback device (772).
pub const ARPHRD_LOOPBACK: u16 = libc::ARPHRD_LOOPBACK;
/// `ARPHRD_NONE`: a device without a hardware header (0xFFFE; tun, WireGuard).
pub const ARPHRD_NONE: u16 = libc::ARPHRD_NONE;

/// `MAX_ADDR_LEN` of `<linux/netdevice.h>`: the longest hardware address the kernel knows
/// (InfiniBand uses 20). Not libc's `MAX_ADDR_LEN`, a smaller value of another header.
pub const MAX_ADDR_LEN: usize = 32;

/// The lower-case name of a packet type (`"host"`, `"otherhost"`...), as the text form of
/// [`crate::PacketAddr`] writes it, or `None` for numbers without one.
///
/// ```
/// use sock::packet::{pkttype_name, PACKET_OTHERHOST};
/// assert_eq!(pkttype_name(PACKET_OTHERHOST), Some("otherhost"));
/// assert_eq!(pkttype_name(9), None);
/// ```
pub fn pkttype_name(pkttype: u8) -> Option<&'static str> {
    Some(match pkttype {
        PACKET_HOST => "host",
        PACKET_BROADCAST => "broadcast",
        PACKET_MULTICAST => "multicast",
        PACKET_OTHERHOST => "otherhost",
        PACKET_OUTGOING => "outgoing",
        PACKET_LOOPBACK => "loopback",
        PACKET_USER => "user",
        PACKET_KERNEL => "kernel",
        _ => return None,
    })
}

/// The packet type named `name` (the names of [`pkttype_name`], case-insensitive).
///
/// ```
/// use sock::packet::{pkttype_from_name, PACKET_BROADCAST};
/// assert_eq!(pkttype_from_name("Broadcast"), Some(PACKET_BROADCAST));
/// assert_eq!(pkttype_from_name("nowhere"), None);
/// ```
pub fn pkttype_from_name(name: &str) -> Option<u8> {
    (0..=PACKET_KERNEL).find(|&t| pkttype_name(t).is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_libc() {
        assert_eq!(SOL_PACKET, libc::SOL_PACKET);
        assert_eq!(PACKET_IGNORE_OUTGOING, libc::PACKET_IGNORE_OUTGOING);
        assert_eq!(PACKET_FANOUT, libc::PACKET_FANOUT);
        assert_eq!(PACKET_AUXDATA, libc::PACKET_AUXDATA);
        assert_eq!(PACKET_STATISTICS, libc::PACKET_STATISTICS);
        assert_eq!(PACKET_ORIGDEV, libc::PACKET_ORIGDEV);
        assert_eq!(i32::from(PACKET_MR_ALLMULTI), libc::PACKET_MR_ALLMULTI);
        assert_eq!(i32::from(PACKET_OTHERHOST), libc::PACKET_OTHERHOST as i32);
        assert_eq!(i32::from(ETH_P_ALL), libc::ETH_P_ALL);
        assert_eq!(i32::from(ETH_P_IPV6), libc::ETH_P_IPV6);
        assert_eq!(u32::from(PACKET_FANOUT_FLAG_DEFRAG), libc::PACKET_FANOUT_FLAG_DEFRAG);
    }

    #[test]
    fn pkttype_names_round_trip() {
        for t in 0..=PACKET_KERNEL {
            assert_eq!(pkttype_from_name(pkttype_name(t).unwrap()), Some(t));
        }
        assert_eq!(pkttype_from_name("OtherHost"), Some(PACKET_OTHERHOST));
        assert_eq!(pkttype_name(9), None);
    }
}
