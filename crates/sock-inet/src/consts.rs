//! The IP-level constants of CPython's `socket` module under their Python names with the Linux
//! uapi values: `IPPROTO_*`, `IPPORT_*`, `INADDR_*`, `IP_*`, `IPV6_*`, `TCP_*`, `UDP_*`
//! (`UDP_SEGMENT`, `UDP_GRO`: not in CPython), `UDPLITE_*`, `SOL_RDS` and `RDS_*`.
//!
//! The set is CPython's Linux set (3.11 through 3.14) plus the other names of the same groups
//! in the kernel headers. `INADDR_*` are host-order `u32`s as in Python; the rest are `c_int`.
//! `TCP_KEEPALIVE` is macOS-only and therefore absent, as in CPython on Linux.

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use libc::c_int;

/// Defines the constants and `TABLE`, their names and values (public as
/// [`crate::CONSTANTS`], outside this module so that glob re-exports of `consts` bring only
/// constants).
macro_rules! table {
    ($(pub const $name:ident: $ty:ty = $value:expr;)*) => {
        $(pub const $name: $ty = $value;)*

        /// Every constant of this module with its name.
        pub(crate) const TABLE: &[(&str, i64)] = &[$((stringify!($name), $name as i64)),*];
    };
}

table! {
// Protocol numbers (the third argument of socket(2) and option levels).
pub const IPPROTO_IP: c_int = libc::IPPROTO_IP;
pub const IPPROTO_HOPOPTS: c_int = libc::IPPROTO_HOPOPTS;
pub const IPPROTO_ICMP: c_int = libc::IPPROTO_ICMP;
pub const IPPROTO_IGMP: c_int = libc::IPPROTO_IGMP;
pub const IPPROTO_IPIP: c_int = libc::IPPROTO_IPIP;
pub const IPPROTO_TCP: c_int = libc::IPPROTO_TCP;
pub const IPPROTO_EGP: c_int = libc::IPPROTO_EGP;
pub const IPPROTO_PUP: c_int = libc::IPPROTO_PUP;
pub const IPPROTO_UDP: c_int = libc::IPPROTO_UDP;
pub const IPPROTO_IDP: c_int = libc::IPPROTO_IDP;
pub const IPPROTO_TP: c_int = libc::IPPROTO_TP;
pub const IPPROTO_DCCP: c_int = libc::IPPROTO_DCCP;
pub const IPPROTO_IPV6: c_int = libc::IPPROTO_IPV6;
pub const IPPROTO_ROUTING: c_int = libc::IPPROTO_ROUTING;
pub const IPPROTO_FRAGMENT: c_int = libc::IPPROTO_FRAGMENT;
pub const IPPROTO_RSVP: c_int = libc::IPPROTO_RSVP;
pub const IPPROTO_GRE: c_int = libc::IPPROTO_GRE;
pub const IPPROTO_ESP: c_int = libc::IPPROTO_ESP;
pub const IPPROTO_AH: c_int = libc::IPPROTO_AH;
pub const IPPROTO_ICMPV6: c_int = libc::IPPROTO_ICMPV6;
pub const IPPROTO_NONE: c_int = libc::IPPROTO_NONE;
pub const IPPROTO_DSTOPTS: c_int = libc::IPPROTO_DSTOPTS;
pub const IPPROTO_MTP: c_int = libc::IPPROTO_MTP;
pub const IPPROTO_BEETPH: c_int = libc::IPPROTO_BEETPH;
pub const IPPROTO_ENCAP: c_int = libc::IPPROTO_ENCAP;
pub const IPPROTO_PIM: c_int = libc::IPPROTO_PIM;
pub const IPPROTO_COMP: c_int = libc::IPPROTO_COMP;
pub const IPPROTO_L2TP: c_int = 115;
pub const IPPROTO_SCTP: c_int = libc::IPPROTO_SCTP;
pub const IPPROTO_MH: c_int = libc::IPPROTO_MH;
pub const IPPROTO_UDPLITE: c_int = libc::IPPROTO_UDPLITE;
pub const IPPROTO_MPLS: c_int = libc::IPPROTO_MPLS;
pub const IPPROTO_ETHERNET: c_int = libc::IPPROTO_ETHERNET;
pub const IPPROTO_RAW: c_int = libc::IPPROTO_RAW;
pub const IPPROTO_MPTCP: c_int = libc::IPPROTO_MPTCP;

// Option levels of this family (SOL_IP/SOL_TCP are in sock_core::consts; SOL_UDP is
// re-exported from there below the table).
pub const SOL_UDPLITE: c_int = 136;
pub const SOL_RDS: c_int = libc::SOL_RDS;

// Port ranges.
pub const IPPORT_RESERVED: c_int = 1024;
pub const IPPORT_USERRESERVED: c_int = 5000;

// Well-known IPv4 addresses, host order.
pub const INADDR_ANY: u32 = libc::INADDR_ANY;
pub const INADDR_BROADCAST: u32 = libc::INADDR_BROADCAST;
pub const INADDR_NONE: u32 = libc::INADDR_NONE;
pub const INADDR_LOOPBACK: u32 = libc::INADDR_LOOPBACK;
pub const INADDR_UNSPEC_GROUP: u32 = 0xe000_0000;
pub const INADDR_ALLHOSTS_GROUP: u32 = 0xe000_0001;
pub const INADDR_ALLRTRS_GROUP: u32 = 0xe000_0002;
pub const INADDR_ALLSNOOPERS_GROUP: u32 = 0xe000_006a;
pub const INADDR_MAX_LOCAL_GROUP: u32 = 0xe000_00ff;

// IPPROTO_IP options.
pub const IP_TOS: c_int = libc::IP_TOS;
pub const IP_TTL: c_int = libc::IP_TTL;
pub const IP_HDRINCL: c_int = libc::IP_HDRINCL;
pub const IP_OPTIONS: c_int = libc::IP_OPTIONS;
pub const IP_ROUTER_ALERT: c_int = libc::IP_ROUTER_ALERT;
pub const IP_RECVOPTS: c_int = libc::IP_RECVOPTS;
pub const IP_RETOPTS: c_int = libc::IP_RETOPTS;
pub const IP_RECVRETOPTS: c_int = IP_RETOPTS;
pub const IP_PKTINFO: c_int = libc::IP_PKTINFO;
pub const IP_PKTOPTIONS: c_int = libc::IP_PKTOPTIONS;
pub const IP_MTU_DISCOVER: c_int = libc::IP_MTU_DISCOVER;
pub const IP_RECVERR: c_int = libc::IP_RECVERR;
pub const IP_RECVTTL: c_int = libc::IP_RECVTTL;
pub const IP_RECVTOS: c_int = libc::IP_RECVTOS;
pub const IP_MTU: c_int = libc::IP_MTU;
pub const IP_FREEBIND: c_int = libc::IP_FREEBIND;
pub const IP_IPSEC_POLICY: c_int = libc::IP_IPSEC_POLICY;
pub const IP_XFRM_POLICY: c_int = libc::IP_XFRM_POLICY;
pub const IP_PASSSEC: c_int = libc::IP_PASSSEC;
pub const IP_TRANSPARENT: c_int = libc::IP_TRANSPARENT;
pub const IP_ORIGDSTADDR: c_int = libc::IP_ORIGDSTADDR;
pub const IP_RECVORIGDSTADDR: c_int = libc::IP_RECVORIGDSTADDR;
pub const IP_MINTTL: c_int = libc::IP_MINTTL;
pub const IP_NODEFRAG: c_int = libc::IP_NODEFRAG;
pub const IP_CHECKSUM: c_int = libc::IP_CHECKSUM;
pub const IP_BIND_ADDRESS_NO_PORT: c_int = libc::IP_BIND_ADDRESS_NO_PORT;
pub const IP_RECVFRAGSIZE: c_int = libc::IP_RECVFRAGSIZE;
pub const IP_RECVERR_RFC4884: c_int = 26;
pub const IP_MULTICAST_IF: c_int = libc::IP_MULTICAST_IF;
pub const IP_MULTICAST_TTL: c_int = libc::IP_MULTICAST_TTL;
pub const IP_MULTICAST_LOOP: c_int = libc::IP_MULTICAST_LOOP;
pub const IP_ADD_MEMBERSHIP: c_int = libc::IP_ADD_MEMBERSHIP;
pub const IP_DROP_MEMBERSHIP: c_int = libc::IP_DROP_MEMBERSHIP;
pub const IP_UNBLOCK_SOURCE: c_int = libc::IP_UNBLOCK_SOURCE;
pub const IP_BLOCK_SOURCE: c_int = libc::IP_BLOCK_SOURCE;
pub const IP_ADD_SOURCE_MEMBERSHIP: c_int = libc::IP_ADD_SOURCE_MEMBERSHIP;
pub const IP_DROP_SOURCE_MEMBERSHIP: c_int = libc::IP_DROP_SOURCE_MEMBERSHIP;
pub const IP_MSFILTER: c_int = libc::IP_MSFILTER;
pub const IP_MULTICAST_ALL: c_int = libc::IP_MULTICAST_ALL;
pub const IP_UNICAST_IF: c_int = libc::IP_UNICAST_IF;
pub const IP_LOCAL_PORT_RANGE: c_int = 51;
pub const IP_PROTOCOL: c_int = 52;
pub const IP_PMTUDISC_DONT: c_int = libc::IP_PMTUDISC_DONT;
pub const IP_PMTUDISC_WANT: c_int = libc::IP_PMTUDISC_WANT;
pub const IP_PMTUDISC_DO: c_int = libc::IP_PMTUDISC_DO;
pub const IP_PMTUDISC_PROBE: c_int = libc::IP_PMTUDISC_PROBE;
pub const IP_DEFAULT_MULTICAST_TTL: c_int = libc::IP_DEFAULT_MULTICAST_TTL;
pub const IP_DEFAULT_MULTICAST_LOOP: c_int = libc::IP_DEFAULT_MULTICAST_LOOP;
pub const IP_MAX_MEMBERSHIPS: c_int = 20;

// IPPROTO_IPV6 options.
pub const IPV6_ADDRFORM: c_int = libc::IPV6_ADDRFORM;
pub const IPV6_2292PKTINFO: c_int = libc::IPV6_2292PKTINFO;
pub const IPV6_2292HOPOPTS: c_int = libc::IPV6_2292HOPOPTS;
pub const IPV6_2292DSTOPTS: c_int = libc::IPV6_2292DSTOPTS;
pub const IPV6_2292RTHDR: c_int = libc::IPV6_2292RTHDR;
pub const IPV6_2292PKTOPTIONS: c_int = libc::IPV6_2292PKTOPTIONS;
pub const IPV6_CHECKSUM: c_int = libc::IPV6_CHECKSUM;
pub const IPV6_2292HOPLIMIT: c_int = libc::IPV6_2292HOPLIMIT;
pub const IPV6_NEXTHOP: c_int = libc::IPV6_NEXTHOP;
pub const IPV6_AUTHHDR: c_int = libc::IPV6_AUTHHDR;
pub const IPV6_UNICAST_HOPS: c_int = libc::IPV6_UNICAST_HOPS;
pub const IPV6_MULTICAST_IF: c_int = libc::IPV6_MULTICAST_IF;
pub const IPV6_MULTICAST_HOPS: c_int = libc::IPV6_MULTICAST_HOPS;
pub const IPV6_MULTICAST_LOOP: c_int = libc::IPV6_MULTICAST_LOOP;
pub const IPV6_JOIN_GROUP: c_int = 20;
pub const IPV6_ADD_MEMBERSHIP: c_int = libc::IPV6_ADD_MEMBERSHIP;
pub const IPV6_LEAVE_GROUP: c_int = 21;
pub const IPV6_DROP_MEMBERSHIP: c_int = libc::IPV6_DROP_MEMBERSHIP;
pub const IPV6_ROUTER_ALERT: c_int = libc::IPV6_ROUTER_ALERT;
pub const IPV6_MTU_DISCOVER: c_int = libc::IPV6_MTU_DISCOVER;
pub const IPV6_MTU: c_int = libc::IPV6_MTU;
pub const IPV6_RECVERR: c_int = libc::IPV6_RECVERR;
pub const IPV6_V6ONLY: c_int = libc::IPV6_V6ONLY;
pub const IPV6_JOIN_ANYCAST: c_int = libc::IPV6_JOIN_ANYCAST;
pub const IPV6_LEAVE_ANYCAST: c_int = libc::IPV6_LEAVE_ANYCAST;
pub const IPV6_MULTICAST_ALL: c_int = libc::IPV6_MULTICAST_ALL;
pub const IPV6_ROUTER_ALERT_ISOLATE: c_int = libc::IPV6_ROUTER_ALERT_ISOLATE;
pub const IPV6_RECVERR_RFC4884: c_int = 31;
pub const IPV6_IPSEC_POLICY: c_int = libc::IPV6_IPSEC_POLICY;
pub const IPV6_XFRM_POLICY: c_int = libc::IPV6_XFRM_POLICY;
pub const IPV6_HDRINCL: c_int = libc::IPV6_HDRINCL;
pub const IPV6_RECVPKTINFO: c_int = libc::IPV6_RECVPKTINFO;
pub const IPV6_PKTINFO: c_int = libc::IPV6_PKTINFO;
pub const IPV6_RECVHOPLIMIT: c_int = libc::IPV6_RECVHOPLIMIT;
pub const IPV6_HOPLIMIT: c_int = libc::IPV6_HOPLIMIT;
pub const IPV6_RECVHOPOPTS: c_int = libc::IPV6_RECVHOPOPTS;
pub const IPV6_HOPOPTS: c_int = libc::IPV6_HOPOPTS;
pub const IPV6_RTHDRDSTOPTS: c_int = libc::IPV6_RTHDRDSTOPTS;
pub const IPV6_RECVRTHDR: c_int = libc::IPV6_RECVRTHDR;
pub const IPV6_RTHDR: c_int = libc::IPV6_RTHDR;
pub const IPV6_RECVDSTOPTS: c_int = libc::IPV6_RECVDSTOPTS;
pub const IPV6_DSTOPTS: c_int = libc::IPV6_DSTOPTS;
pub const IPV6_RECVPATHMTU: c_int = libc::IPV6_RECVPATHMTU;
pub const IPV6_PATHMTU: c_int = libc::IPV6_PATHMTU;
pub const IPV6_DONTFRAG: c_int = libc::IPV6_DONTFRAG;
pub const IPV6_RECVTCLASS: c_int = libc::IPV6_RECVTCLASS;
pub const IPV6_TCLASS: c_int = libc::IPV6_TCLASS;
pub const IPV6_AUTOFLOWLABEL: c_int = libc::IPV6_AUTOFLOWLABEL;
pub const IPV6_ADDR_PREFERENCES: c_int = libc::IPV6_ADDR_PREFERENCES;
pub const IPV6_MINHOPCOUNT: c_int = libc::IPV6_MINHOPCOUNT;
pub const IPV6_ORIGDSTADDR: c_int = libc::IPV6_ORIGDSTADDR;
pub const IPV6_RECVORIGDSTADDR: c_int = libc::IPV6_RECVORIGDSTADDR;
pub const IPV6_TRANSPARENT: c_int = libc::IPV6_TRANSPARENT;
pub const IPV6_UNICAST_IF: c_int = libc::IPV6_UNICAST_IF;
pub const IPV6_RECVFRAGSIZE: c_int = libc::IPV6_RECVFRAGSIZE;
pub const IPV6_FREEBIND: c_int = libc::IPV6_FREEBIND;
pub const IPV6_RTHDR_LOOSE: c_int = libc::IPV6_RTHDR_LOOSE;
pub const IPV6_RTHDR_STRICT: c_int = libc::IPV6_RTHDR_STRICT;
pub const IPV6_RTHDR_TYPE_0: c_int = 0;
pub const IPV6_PMTUDISC_DONT: c_int = libc::IPV6_PMTUDISC_DONT;
pub const IPV6_PMTUDISC_WANT: c_int = libc::IPV6_PMTUDISC_WANT;
pub const IPV6_PMTUDISC_DO: c_int = libc::IPV6_PMTUDISC_DO;
pub const IPV6_PMTUDISC_PROBE: c_int = libc::IPV6_PMTUDISC_PROBE;

// IPPROTO_TCP options.
pub const TCP_NODELAY: c_int = libc::TCP_NODELAY;
pub const TCP_MAXSEG: c_int = libc::TCP_MAXSEG;
pub const TCP_CORK: c_int = libc::TCP_CORK;
pub const TCP_KEEPIDLE: c_int = libc::TCP_KEEPIDLE;
pub const TCP_KEEPINTVL: c_int = libc::TCP_KEEPINTVL;
pub const TCP_KEEPCNT: c_int = libc::TCP_KEEPCNT;
pub const TCP_SYNCNT: c_int = libc::TCP_SYNCNT;
pub const TCP_LINGER2: c_int = libc::TCP_LINGER2;
pub const TCP_DEFER_ACCEPT: c_int = libc::TCP_DEFER_ACCEPT;
pub const TCP_WINDOW_CLAMP: c_int = libc::TCP_WINDOW_CLAMP;
pub const TCP_INFO: c_int = libc::TCP_INFO;
pub const TCP_QUICKACK: c_int = libc::TCP_QUICKACK;
pub const TCP_CONGESTION: c_int = libc::TCP_CONGESTION;
pub const TCP_MD5SIG: c_int = libc::TCP_MD5SIG;
pub const TCP_THIN_LINEAR_TIMEOUTS: c_int = libc::TCP_THIN_LINEAR_TIMEOUTS;
pub const TCP_THIN_DUPACK: c_int = libc::TCP_THIN_DUPACK;
pub const TCP_USER_TIMEOUT: c_int = libc::TCP_USER_TIMEOUT;
pub const TCP_REPAIR: c_int = libc::TCP_REPAIR;
pub const TCP_REPAIR_QUEUE: c_int = libc::TCP_REPAIR_QUEUE;
pub const TCP_QUEUE_SEQ: c_int = libc::TCP_QUEUE_SEQ;
pub const TCP_REPAIR_OPTIONS: c_int = libc::TCP_REPAIR_OPTIONS;
pub const TCP_FASTOPEN: c_int = libc::TCP_FASTOPEN;
pub const TCP_TIMESTAMP: c_int = libc::TCP_TIMESTAMP;
pub const TCP_NOTSENT_LOWAT: c_int = libc::TCP_NOTSENT_LOWAT;
pub const TCP_CC_INFO: c_int = libc::TCP_CC_INFO;
pub const TCP_SAVE_SYN: c_int = libc::TCP_SAVE_SYN;
pub const TCP_SAVED_SYN: c_int = libc::TCP_SAVED_SYN;
pub const TCP_REPAIR_WINDOW: c_int = libc::TCP_REPAIR_WINDOW;
pub const TCP_FASTOPEN_CONNECT: c_int = libc::TCP_FASTOPEN_CONNECT;
pub const TCP_ULP: c_int = libc::TCP_ULP;
pub const TCP_MD5SIG_EXT: c_int = libc::TCP_MD5SIG_EXT;
pub const TCP_FASTOPEN_KEY: c_int = libc::TCP_FASTOPEN_KEY;
pub const TCP_FASTOPEN_NO_COOKIE: c_int = libc::TCP_FASTOPEN_NO_COOKIE;
pub const TCP_ZEROCOPY_RECEIVE: c_int = libc::TCP_ZEROCOPY_RECEIVE;
pub const TCP_INQ: c_int = libc::TCP_INQ;
pub const TCP_TX_DELAY: c_int = 37;

// SOL_UDP options and ancillary types (linux/udp.h).
pub const UDP_CORK: c_int = libc::UDP_CORK;
pub const UDP_ENCAP: c_int = libc::UDP_ENCAP;
pub const UDP_NO_CHECK6_TX: c_int = libc::UDP_NO_CHECK6_TX;
pub const UDP_NO_CHECK6_RX: c_int = libc::UDP_NO_CHECK6_RX;
pub const UDP_SEGMENT: c_int = libc::UDP_SEGMENT;
pub const UDP_GRO: c_int = libc::UDP_GRO;

// IPPROTO_UDPLITE options.
pub const UDPLITE_SEND_CSCOV: c_int = 10;
pub const UDPLITE_RECV_CSCOV: c_int = 11;

// SOL_RDS options, ancillary types and flags (linux/rds.h).
pub const RDS_CANCEL_SENT_TO: c_int = 1;
pub const RDS_GET_MR: c_int = 2;
pub const RDS_FREE_MR: c_int = 3;
pub const RDS_RECVERR: c_int = 5;
pub const RDS_CONG_MONITOR: c_int = 6;
pub const RDS_GET_MR_FOR_DEST: c_int = 7;
pub const SO_RDS_TRANSPORT: c_int = 8;
pub const SO_RDS_MSG_RXPATH_LATENCY: c_int = 10;
pub const RDS_TRANS_IB: c_int = 0;
pub const RDS_TRANS_GAP: c_int = 1;
pub const RDS_TRANS_TCP: c_int = 2;
pub const RDS_TRANS_NONE: c_int = !0;
pub const RDS_CMSG_RDMA_ARGS: c_int = 1;
pub const RDS_CMSG_RDMA_DEST: c_int = 2;
pub const RDS_CMSG_RDMA_MAP: c_int = 3;
pub const RDS_CMSG_RDMA_STATUS: c_int = 4;
pub const RDS_CMSG_CONG_UPDATE: c_int = 5;
pub const RDS_CMSG_ATOMIC_FADD: c_int = 6;
pub const RDS_CMSG_ATOMIC_CSWP: c_int = 7;
pub const RDS_CMSG_MASKED_ATOMIC_FADD: c_int = 8;
pub const RDS_CMSG_MASKED_ATOMIC_CSWP: c_int = 9;
pub const RDS_CMSG_RXPATH_LATENCY: c_int = 11;
pub const RDS_CMSG_ZCOPY_COOKIE: c_int = 12;
pub const RDS_CMSG_ZCOPY_COMPLETION: c_int = 13;
pub const RDS_RDMA_READWRITE: c_int = 0x0001;
pub const RDS_RDMA_FENCE: c_int = 0x0002;
pub const RDS_RDMA_INVALIDATE: c_int = 0x0004;
pub const RDS_RDMA_USE_ONCE: c_int = 0x0008;
pub const RDS_RDMA_DONTWAIT: c_int = 0x0010;
pub const RDS_RDMA_NOTIFY_ME: c_int = 0x0020;
pub const RDS_RDMA_SILENT: c_int = 0x0040;

}

/// `SOL_UDP` (17), the level of the `UDP_*` options: the same item as `sock_core::consts::SOL_UDP`,
/// so glob re-exports of both modules stay unambiguous.
pub use sock_core::consts::SOL_UDP;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_libc() {
        assert_eq!(IP_TTL, libc::IP_TTL);
        assert_eq!(IP_PKTINFO, libc::IP_PKTINFO);
        assert_eq!(IP_ADD_MEMBERSHIP, libc::IP_ADD_MEMBERSHIP);
        assert_eq!(IPV6_V6ONLY, libc::IPV6_V6ONLY);
        assert_eq!(IPV6_RECVTCLASS, libc::IPV6_RECVTCLASS);
        assert_eq!(IPV6_HOPLIMIT, libc::IPV6_HOPLIMIT);
        assert_eq!(TCP_CONGESTION, libc::TCP_CONGESTION);
        assert_eq!(TCP_NOTSENT_LOWAT, libc::TCP_NOTSENT_LOWAT);
        assert_eq!(IPPROTO_MPTCP, libc::IPPROTO_MPTCP);
        assert_eq!(IPPROTO_UDPLITE, libc::IPPROTO_UDPLITE);
        assert_eq!(SOL_UDP, IPPROTO_UDP);
        assert_eq!((UDP_CORK, UDP_SEGMENT, UDP_GRO), (1, 103, 104)); // linux/udp.h; libc lacks them
        assert_eq!(INADDR_LOOPBACK, u32::from(std::net::Ipv4Addr::LOCALHOST));
    }
}
