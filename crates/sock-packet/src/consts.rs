//! AF_PACKET constants under their Python/Linux names with the values of `<linux/if_packet.h>`
//! and `<linux/if_ether.h>`.
//!
//! Types follow the field they go in: packet types are `u8` (`sll_pkttype`), Ethernet protocol
//! numbers are host-order `u16` (`PacketAddr::protocol`), option names and levels are `i32`.

#![allow(missing_docs)] // each constant is the Linux constant of the same name

// The same items as sock-core's, so flat glob re-exports of both never clash.
pub use sock_core::consts::{AF_PACKET, PF_PACKET};
/// The option level of the `PACKET_*` socket options.
pub const SOL_PACKET: i32 = libc::SOL_PACKET;

// Packet types (`sll_pkttype`). CPython exports PACKET_HOST..PACKET_FASTROUTE.
pub const PACKET_HOST: u8 = 0;
pub const PACKET_BROADCAST: u8 = 1;
pub const PACKET_MULTICAST: u8 = 2;
pub const PACKET_OTHERHOST: u8 = 3;
pub const PACKET_OUTGOING: u8 = 4;
pub const PACKET_LOOPBACK: u8 = 5;
pub const PACKET_USER: u8 = 6;
pub const PACKET_KERNEL: u8 = 7;
/// Unused by Linux today; the same number as [`PACKET_USER`], as in the kernel header.
pub const PACKET_FASTROUTE: u8 = 6;

// Socket options at SOL_PACKET.
pub const PACKET_ADD_MEMBERSHIP: i32 = 1;
pub const PACKET_DROP_MEMBERSHIP: i32 = 2;
pub const PACKET_RECV_OUTPUT: i32 = 3;
pub const PACKET_RX_RING: i32 = 5;
pub const PACKET_STATISTICS: i32 = 6;
pub const PACKET_COPY_THRESH: i32 = 7;
pub const PACKET_AUXDATA: i32 = 8;
pub const PACKET_ORIGDEV: i32 = 9;
pub const PACKET_VERSION: i32 = 10;
pub const PACKET_HDRLEN: i32 = 11;
pub const PACKET_RESERVE: i32 = 12;
pub const PACKET_TX_RING: i32 = 13;
pub const PACKET_LOSS: i32 = 14;
pub const PACKET_VNET_HDR: i32 = 15;
pub const PACKET_TX_TIMESTAMP: i32 = 16;
pub const PACKET_TIMESTAMP: i32 = 17;
pub const PACKET_FANOUT: i32 = 18;
pub const PACKET_TX_HAS_OFF: i32 = 19;
pub const PACKET_QDISC_BYPASS: i32 = 20;
pub const PACKET_ROLLOVER_STATS: i32 = 21;
pub const PACKET_FANOUT_DATA: i32 = 22;
pub const PACKET_IGNORE_OUTGOING: i32 = 23;
pub const PACKET_VNET_HDR_SZ: i32 = 24;

// `packet_mreq::mr_type` for PACKET_ADD/DROP_MEMBERSHIP.
pub const PACKET_MR_MULTICAST: u16 = 0;
pub const PACKET_MR_PROMISC: u16 = 1;
pub const PACKET_MR_ALLMULTI: u16 = 2;
pub const PACKET_MR_UNICAST: u16 = 3;

// PACKET_FANOUT modes (low bits of the type) and flags.
pub const PACKET_FANOUT_HASH: u16 = 0;
pub const PACKET_FANOUT_LB: u16 = 1;
pub const PACKET_FANOUT_CPU: u16 = 2;
pub const PACKET_FANOUT_ROLLOVER: u16 = 3;
pub const PACKET_FANOUT_RND: u16 = 4;
pub const PACKET_FANOUT_QM: u16 = 5;
pub const PACKET_FANOUT_CBPF: u16 = 6;
pub const PACKET_FANOUT_EBPF: u16 = 7;
pub const PACKET_FANOUT_FLAG_ROLLOVER: u16 = 0x1000;
pub const PACKET_FANOUT_FLAG_UNIQUEID: u16 = 0x2000;
pub const PACKET_FANOUT_FLAG_IGNORE_OUTGOING: u16 = 0x4000;
pub const PACKET_FANOUT_FLAG_DEFRAG: u16 = 0x8000;

// `tpacket_auxdata::tp_status` bits.
pub const TP_STATUS_USER: u32 = 1 << 0;
pub const TP_STATUS_COPY: u32 = 1 << 1;
pub const TP_STATUS_LOSING: u32 = 1 << 2;
pub const TP_STATUS_CSUMNOTREADY: u32 = 1 << 3;
pub const TP_STATUS_VLAN_VALID: u32 = 1 << 4;
pub const TP_STATUS_BLK_TMO: u32 = 1 << 5;
pub const TP_STATUS_VLAN_TPID_VALID: u32 = 1 << 6;
pub const TP_STATUS_CSUM_VALID: u32 = 1 << 7;

// Ethernet protocol numbers (host order). CPython 3.12 added ETH_P_ALL and ETHERTYPE_*.
pub const ETH_P_LOOP: u16 = 0x0060;
pub const ETH_P_IP: u16 = 0x0800;
pub const ETH_P_ARP: u16 = 0x0806;
pub const ETH_P_8021Q: u16 = 0x8100;
pub const ETH_P_IPV6: u16 = 0x86DD;
pub const ETH_P_8021AD: u16 = 0x88A8;
/// IEEE 802 local experimental ethertype 1, free for private protocols and tests.
pub const ETH_P_802_EX1: u16 = 0x88B5;
pub const ETH_P_802_3: u16 = 0x0001;
/// Every protocol: the `protocol` of a socket that sees all frames, outgoing ones included.
pub const ETH_P_ALL: u16 = 0x0003;
pub const ETH_P_802_2: u16 = 0x0004;
pub const ETHERTYPE_IP: u16 = ETH_P_IP;
pub const ETHERTYPE_ARP: u16 = ETH_P_ARP;
pub const ETHERTYPE_VLAN: u16 = ETH_P_8021Q;
pub const ETHERTYPE_IPV6: u16 = ETH_P_IPV6;
/// Octets in an Ethernet address.
pub const ETH_ALEN: usize = 6;
/// Octets in an Ethernet header (two addresses and the type).
pub const ETH_HLEN: usize = 14;

// Hardware types (`sll_hatype`, `ARPHRD_*` of `<linux/if_arp.h>`).
pub const ARPHRD_NETROM: u16 = libc::ARPHRD_NETROM;
pub const ARPHRD_ETHER: u16 = libc::ARPHRD_ETHER;
pub const ARPHRD_IEEE802: u16 = libc::ARPHRD_IEEE802;
pub const ARPHRD_INFINIBAND: u16 = libc::ARPHRD_INFINIBAND;
pub const ARPHRD_CAN: u16 = libc::ARPHRD_CAN;
pub const ARPHRD_LOOPBACK: u16 = libc::ARPHRD_LOOPBACK;
pub const ARPHRD_NONE: u16 = libc::ARPHRD_NONE;

/// `MAX_ADDR_LEN` of `<linux/netdevice.h>`: the longest hardware address the kernel knows
/// (InfiniBand uses 20). Not libc's `MAX_ADDR_LEN`, a smaller value of another header.
pub const MAX_ADDR_LEN: usize = 32;

/// The lower-case name of a packet type (`"host"`, `"otherhost"`...), as the text form of
/// [`crate::PacketAddr`] writes it, or `None` for numbers without one.
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
