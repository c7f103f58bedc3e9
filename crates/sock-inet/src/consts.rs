//! The IP-level constants of CPython's `socket` module under their Python names with the Linux
//! uapi values: `IPPROTO_*`, `IPPORT_*`, `INADDR_*`, `IP_*`, `IPV6_*`, `TCP_*`, `UDP_*`
//! (`UDP_SEGMENT`, `UDP_GRO`: not in CPython), `UDPLITE_*`, `SOL_RDS` and `RDS_*`.
//!
//! The set is CPython's Linux set (3.11 through 3.14) plus the other names of the same groups
//! in the kernel headers. `INADDR_*` are host-order `u32`s as in Python; the rest are `c_int`.
//! `TCP_KEEPALIVE` is macOS-only and therefore absent, as in CPython on Linux.
//!
//! Values come from `libc` where it has the name, else from the kernel's uapi headers
//! (`linux/in.h`, `linux/in6.h`, `linux/tcp.h`, `linux/udp.h`, `linux/rds.h`).

use libc::c_int;

/// Defines the constants and `TABLE`, their names and values (public as
/// [`crate::CONSTANTS`], outside this module so that glob re-exports of `consts` bring only
/// constants).
macro_rules! table {
    ($($(#[$meta:meta])* pub const $name:ident: $ty:ty = $value:expr;)*) => {
        $($(#[$meta])* pub const $name: $ty = $value;)*

        /// Every constant of this module with its name.
        pub(crate) const TABLE: &[(&str, i64)] = &[$((stringify!($name), $name as i64)),*];
    };
}

table! {
// Protocol numbers (the third argument of socket(2) and option levels).
/// Dummy protocol for TCP/UDP over IPv4; also the level of the `IP_*` options.
pub const IPPROTO_IP: c_int = libc::IPPROTO_IP;
/// IPv6 hop-by-hop options extension header.
pub const IPPROTO_HOPOPTS: c_int = libc::IPPROTO_HOPOPTS;
/// Internet Control Message Protocol.
pub const IPPROTO_ICMP: c_int = libc::IPPROTO_ICMP;
/// Internet Group Management Protocol.
pub const IPPROTO_IGMP: c_int = libc::IPPROTO_IGMP;
/// IPv4-in-IPv4 tunnelling.
pub const IPPROTO_IPIP: c_int = libc::IPPROTO_IPIP;
/// Transmission Control Protocol; also the level of the `TCP_*` options.
pub const IPPROTO_TCP: c_int = libc::IPPROTO_TCP;
/// Exterior Gateway Protocol.
pub const IPPROTO_EGP: c_int = libc::IPPROTO_EGP;
/// PUP protocol.
pub const IPPROTO_PUP: c_int = libc::IPPROTO_PUP;
/// User Datagram Protocol.
pub const IPPROTO_UDP: c_int = libc::IPPROTO_UDP;
/// XNS IDP protocol.
pub const IPPROTO_IDP: c_int = libc::IPPROTO_IDP;
/// ISO transport protocol class 4.
pub const IPPROTO_TP: c_int = libc::IPPROTO_TP;
/// Datagram Congestion Control Protocol.
pub const IPPROTO_DCCP: c_int = libc::IPPROTO_DCCP;
/// IPv6 header (IPv6-in-IPv4 tunnels); also the level of the `IPV6_*` options.
pub const IPPROTO_IPV6: c_int = libc::IPPROTO_IPV6;
/// IPv6 routing extension header.
pub const IPPROTO_ROUTING: c_int = libc::IPPROTO_ROUTING;
/// IPv6 fragmentation extension header.
pub const IPPROTO_FRAGMENT: c_int = libc::IPPROTO_FRAGMENT;
/// Resource Reservation Protocol.
pub const IPPROTO_RSVP: c_int = libc::IPPROTO_RSVP;
/// Generic Routing Encapsulation.
pub const IPPROTO_GRE: c_int = libc::IPPROTO_GRE;
/// IPsec Encapsulating Security Payload.
pub const IPPROTO_ESP: c_int = libc::IPPROTO_ESP;
/// IPsec Authentication Header.
pub const IPPROTO_AH: c_int = libc::IPPROTO_AH;
/// ICMP for IPv6.
pub const IPPROTO_ICMPV6: c_int = libc::IPPROTO_ICMPV6;
/// IPv6: no next header.
pub const IPPROTO_NONE: c_int = libc::IPPROTO_NONE;
/// IPv6 destination options extension header.
pub const IPPROTO_DSTOPTS: c_int = libc::IPPROTO_DSTOPTS;
/// Multicast Transport Protocol.
pub const IPPROTO_MTP: c_int = libc::IPPROTO_MTP;
/// IP option pseudo header for BEET (IPsec).
pub const IPPROTO_BEETPH: c_int = libc::IPPROTO_BEETPH;
/// Encapsulation header.
pub const IPPROTO_ENCAP: c_int = libc::IPPROTO_ENCAP;
/// Protocol Independent Multicast.
pub const IPPROTO_PIM: c_int = libc::IPPROTO_PIM;
/// IP Payload Compression Protocol.
pub const IPPROTO_COMP: c_int = libc::IPPROTO_COMP;
/// Layer 2 Tunnelling Protocol (v3 over IP).
pub const IPPROTO_L2TP: c_int = 115;
/// Stream Control Transmission Protocol.
pub const IPPROTO_SCTP: c_int = libc::IPPROTO_SCTP;
/// IPv6 mobility header.
pub const IPPROTO_MH: c_int = libc::IPPROTO_MH;
/// UDP-Lite (partial checksums); also the level of the `UDPLITE_*` options.
pub const IPPROTO_UDPLITE: c_int = libc::IPPROTO_UDPLITE;
/// MPLS in IP.
pub const IPPROTO_MPLS: c_int = libc::IPPROTO_MPLS;
/// Ethernet-within-IPv6 encapsulation.
pub const IPPROTO_ETHERNET: c_int = libc::IPPROTO_ETHERNET;
/// Raw IP packets (the caller writes the IP header).
pub const IPPROTO_RAW: c_int = libc::IPPROTO_RAW;
/// Multipath TCP (`socket(family, SOCK_STREAM, IPPROTO_MPTCP)`).
pub const IPPROTO_MPTCP: c_int = libc::IPPROTO_MPTCP;

// Option levels of this family (SOL_IP/SOL_TCP are in sock_core::consts; SOL_UDP is
// re-exported from there below the table).
/// Option level of UDP-Lite (`IPPROTO_UDPLITE`).
pub const SOL_UDPLITE: c_int = 136;
/// Option level of AF_RDS sockets.
pub const SOL_RDS: c_int = libc::SOL_RDS;

// Port ranges.
/// Ports below this are reserved for privileged processes.
pub const IPPORT_RESERVED: c_int = 1024;
/// Ports from this one up are free for user servers (BSD convention).
pub const IPPORT_USERRESERVED: c_int = 5000;

// Well-known IPv4 addresses, host order.
/// `0.0.0.0`: any local address (host order).
pub const INADDR_ANY: u32 = libc::INADDR_ANY;
/// `255.255.255.255`: the limited broadcast address (host order).
pub const INADDR_BROADCAST: u32 = libc::INADDR_BROADCAST;
/// `255.255.255.255`: the error value of `inet_addr` (host order).
pub const INADDR_NONE: u32 = libc::INADDR_NONE;
/// `127.0.0.1`: the loopback address (host order).
pub const INADDR_LOOPBACK: u32 = libc::INADDR_LOOPBACK;
/// `224.0.0.0`: base of the multicast range (host order).
pub const INADDR_UNSPEC_GROUP: u32 = 0xe000_0000;
/// `224.0.0.1`: all hosts on this subnet (host order).
pub const INADDR_ALLHOSTS_GROUP: u32 = 0xe000_0001;
/// `224.0.0.2`: all routers on this subnet (host order).
pub const INADDR_ALLRTRS_GROUP: u32 = 0xe000_0002;
/// `224.0.0.106`: all IGMP/MLD snoopers (host order).
pub const INADDR_ALLSNOOPERS_GROUP: u32 = 0xe000_006a;
/// `224.0.0.255`: last link-local multicast group (host order).
pub const INADDR_MAX_LOCAL_GROUP: u32 = 0xe000_00ff;

// IPPROTO_IP options.
/// Type-of-service (DSCP/ECN) byte of outgoing packets; as ancillary data, of received ones.
pub const IP_TOS: c_int = libc::IP_TOS;
/// Time-to-live of outgoing unicast packets; as ancillary data, of received ones.
pub const IP_TTL: c_int = libc::IP_TTL;
/// Raw sockets: the caller supplies the IP header.
pub const IP_HDRINCL: c_int = libc::IP_HDRINCL;
/// IP options sent with every packet of this socket.
pub const IP_OPTIONS: c_int = libc::IP_OPTIONS;
/// Raw sockets: receive packets carrying the Router Alert option.
pub const IP_ROUTER_ALERT: c_int = libc::IP_ROUTER_ALERT;
/// Deliver the IP options of received packets as ancillary data.
pub const IP_RECVOPTS: c_int = libc::IP_RECVOPTS;
/// Ancillary data: the IP options to send, as for a reply.
pub const IP_RETOPTS: c_int = libc::IP_RETOPTS;
/// Deliver the received IP options, reversed for a reply, as ancillary data.
pub const IP_RECVRETOPTS: c_int = IP_RETOPTS;
/// Deliver `in_pktinfo` (interface, destination) with each datagram; as ancillary data, choose the source.
pub const IP_PKTINFO: c_int = libc::IP_PKTINFO;
/// Read the IP options of the last received packet (stream sockets).
pub const IP_PKTOPTIONS: c_int = libc::IP_PKTOPTIONS;
/// Path MTU discovery mode, one of `IP_PMTUDISC_*`.
pub const IP_MTU_DISCOVER: c_int = libc::IP_MTU_DISCOVER;
/// Queue extended errors (ICMP) for `MSG_ERRQUEUE`.
pub const IP_RECVERR: c_int = libc::IP_RECVERR;
/// Deliver the TTL of received packets as `IP_TTL` ancillary data.
pub const IP_RECVTTL: c_int = libc::IP_RECVTTL;
/// Deliver the TOS byte of received packets as `IP_TOS` ancillary data.
pub const IP_RECVTOS: c_int = libc::IP_RECVTOS;
/// The path MTU currently known (connected sockets, read only).
pub const IP_MTU: c_int = libc::IP_MTU;
/// Allow binding to an address that is not (yet) local.
pub const IP_FREEBIND: c_int = libc::IP_FREEBIND;
/// Per-socket IPsec policy.
pub const IP_IPSEC_POLICY: c_int = libc::IP_IPSEC_POLICY;
/// Per-socket XFRM (IPsec) policy.
pub const IP_XFRM_POLICY: c_int = libc::IP_XFRM_POLICY;
/// Deliver the sender's security context (`SCM_SECURITY`) with each datagram.
pub const IP_PASSSEC: c_int = libc::IP_PASSSEC;
/// Transparent proxying: bind to and accept for non-local addresses.
pub const IP_TRANSPARENT: c_int = libc::IP_TRANSPARENT;
/// Ancillary data: the original destination address of a datagram.
pub const IP_ORIGDSTADDR: c_int = libc::IP_ORIGDSTADDR;
/// Deliver the original destination address (`IP_ORIGDSTADDR`) with each datagram.
pub const IP_RECVORIGDSTADDR: c_int = libc::IP_RECVORIGDSTADDR;
/// Drop received packets whose TTL is below this (RFC 5082).
pub const IP_MINTTL: c_int = libc::IP_MINTTL;
/// Raw sockets: do not reassemble fragments.
pub const IP_NODEFRAG: c_int = libc::IP_NODEFRAG;
/// Deliver the packet checksum as ancillary data.
pub const IP_CHECKSUM: c_int = libc::IP_CHECKSUM;
/// Delay the choice of the local port from `bind` to `connect`.
pub const IP_BIND_ADDRESS_NO_PORT: c_int = libc::IP_BIND_ADDRESS_NO_PORT;
/// Deliver the size of the largest received fragment as ancillary data.
pub const IP_RECVFRAGSIZE: c_int = libc::IP_RECVFRAGSIZE;
/// Extend `IP_RECVERR` with RFC 4884 ICMP extension offsets.
pub const IP_RECVERR_RFC4884: c_int = 26;
/// The interface outgoing multicast is sent from.
pub const IP_MULTICAST_IF: c_int = libc::IP_MULTICAST_IF;
/// Time-to-live of outgoing multicast packets.
pub const IP_MULTICAST_TTL: c_int = libc::IP_MULTICAST_TTL;
/// Loop outgoing multicast back to local listeners.
pub const IP_MULTICAST_LOOP: c_int = libc::IP_MULTICAST_LOOP;
/// Join a multicast group (`ip_mreqn`).
pub const IP_ADD_MEMBERSHIP: c_int = libc::IP_ADD_MEMBERSHIP;
/// Leave a multicast group (`ip_mreqn`).
pub const IP_DROP_MEMBERSHIP: c_int = libc::IP_DROP_MEMBERSHIP;
/// Unblock a source of a joined multicast group.
pub const IP_UNBLOCK_SOURCE: c_int = libc::IP_UNBLOCK_SOURCE;
/// Block a source of a joined multicast group.
pub const IP_BLOCK_SOURCE: c_int = libc::IP_BLOCK_SOURCE;
/// Join a multicast group for one source (SSM).
pub const IP_ADD_SOURCE_MEMBERSHIP: c_int = libc::IP_ADD_SOURCE_MEMBERSHIP;
/// Leave a source-specific multicast membership.
pub const IP_DROP_SOURCE_MEMBERSHIP: c_int = libc::IP_DROP_SOURCE_MEMBERSHIP;
/// Get or set the full source filter of a multicast group.
pub const IP_MSFILTER: c_int = libc::IP_MSFILTER;
/// Receive multicast of every group joined by any socket (the Linux default) or only this socket's.
pub const IP_MULTICAST_ALL: c_int = libc::IP_MULTICAST_ALL;
/// Send unicast through this interface index (network byte order).
pub const IP_UNICAST_IF: c_int = libc::IP_UNICAST_IF;
/// Per-socket range for ephemeral ports (high 16 bits: upper, low: lower bound).
pub const IP_LOCAL_PORT_RANGE: c_int = 51;
/// The socket's protocol (read only).
pub const IP_PROTOCOL: c_int = 52;
/// `IP_MTU_DISCOVER` value: never set DF, fragment as needed.
pub const IP_PMTUDISC_DONT: c_int = libc::IP_PMTUDISC_DONT;
/// `IP_MTU_DISCOVER` value: use per-route hints.
pub const IP_PMTUDISC_WANT: c_int = libc::IP_PMTUDISC_WANT;
/// `IP_MTU_DISCOVER` value: always set DF, never fragment.
pub const IP_PMTUDISC_DO: c_int = libc::IP_PMTUDISC_DO;
/// `IP_MTU_DISCOVER` value: set DF and ignore the path MTU.
pub const IP_PMTUDISC_PROBE: c_int = libc::IP_PMTUDISC_PROBE;
/// Default `IP_MULTICAST_TTL` (1).
pub const IP_DEFAULT_MULTICAST_TTL: c_int = libc::IP_DEFAULT_MULTICAST_TTL;
/// Default `IP_MULTICAST_LOOP` (on).
pub const IP_DEFAULT_MULTICAST_LOOP: c_int = libc::IP_DEFAULT_MULTICAST_LOOP;
/// Historic limit of multicast memberships per socket.
pub const IP_MAX_MEMBERSHIPS: c_int = 20;

// IPPROTO_IPV6 options.
/// Turn an AF_INET6 socket into an AF_INET one.
pub const IPV6_ADDRFORM: c_int = libc::IPV6_ADDRFORM;
/// RFC 2292 (old API) form of `IPV6_PKTINFO`.
pub const IPV6_2292PKTINFO: c_int = libc::IPV6_2292PKTINFO;
/// RFC 2292 (old API) form of `IPV6_HOPOPTS`.
pub const IPV6_2292HOPOPTS: c_int = libc::IPV6_2292HOPOPTS;
/// RFC 2292 (old API) form of `IPV6_DSTOPTS`.
pub const IPV6_2292DSTOPTS: c_int = libc::IPV6_2292DSTOPTS;
/// RFC 2292 (old API) form of `IPV6_RTHDR`.
pub const IPV6_2292RTHDR: c_int = libc::IPV6_2292RTHDR;
/// RFC 2292 (old API): read the options of the last received packet.
pub const IPV6_2292PKTOPTIONS: c_int = libc::IPV6_2292PKTOPTIONS;
/// Raw sockets: offset of the checksum the kernel computes (-1: none).
pub const IPV6_CHECKSUM: c_int = libc::IPV6_CHECKSUM;
/// RFC 2292 (old API) form of `IPV6_HOPLIMIT`.
pub const IPV6_2292HOPLIMIT: c_int = libc::IPV6_2292HOPLIMIT;
/// Ancillary data or option: the next-hop address.
pub const IPV6_NEXTHOP: c_int = libc::IPV6_NEXTHOP;
/// Deliver the authentication header (obsolete).
pub const IPV6_AUTHHDR: c_int = libc::IPV6_AUTHHDR;
/// Hop limit of outgoing unicast packets (-1: the route's default).
pub const IPV6_UNICAST_HOPS: c_int = libc::IPV6_UNICAST_HOPS;
/// The interface index outgoing multicast is sent from.
pub const IPV6_MULTICAST_IF: c_int = libc::IPV6_MULTICAST_IF;
/// Hop limit of outgoing multicast packets.
pub const IPV6_MULTICAST_HOPS: c_int = libc::IPV6_MULTICAST_HOPS;
/// Loop outgoing multicast back to local listeners.
pub const IPV6_MULTICAST_LOOP: c_int = libc::IPV6_MULTICAST_LOOP;
/// Join a multicast group (`ipv6_mreq`); same as `IPV6_ADD_MEMBERSHIP`.
pub const IPV6_JOIN_GROUP: c_int = 20;
/// Join a multicast group (`ipv6_mreq`).
pub const IPV6_ADD_MEMBERSHIP: c_int = libc::IPV6_ADD_MEMBERSHIP;
/// Leave a multicast group (`ipv6_mreq`); same as `IPV6_DROP_MEMBERSHIP`.
pub const IPV6_LEAVE_GROUP: c_int = 21;
/// Leave a multicast group (`ipv6_mreq`).
pub const IPV6_DROP_MEMBERSHIP: c_int = libc::IPV6_DROP_MEMBERSHIP;
/// Raw sockets: receive packets with the Router Alert hop-by-hop option of this value.
pub const IPV6_ROUTER_ALERT: c_int = libc::IPV6_ROUTER_ALERT;
/// Path MTU discovery mode, one of `IPV6_PMTUDISC_*`.
pub const IPV6_MTU_DISCOVER: c_int = libc::IPV6_MTU_DISCOVER;
/// The path MTU (connected sockets), or the MTU to use.
pub const IPV6_MTU: c_int = libc::IPV6_MTU;
/// Queue extended errors (ICMPv6) for `MSG_ERRQUEUE`.
pub const IPV6_RECVERR: c_int = libc::IPV6_RECVERR;
/// Restrict an AF_INET6 socket to IPv6 (no IPv4-mapped traffic).
pub const IPV6_V6ONLY: c_int = libc::IPV6_V6ONLY;
/// Join an anycast address.
pub const IPV6_JOIN_ANYCAST: c_int = libc::IPV6_JOIN_ANYCAST;
/// Leave an anycast address.
pub const IPV6_LEAVE_ANYCAST: c_int = libc::IPV6_LEAVE_ANYCAST;
/// Receive multicast of every group joined by any socket or only this socket's.
pub const IPV6_MULTICAST_ALL: c_int = libc::IPV6_MULTICAST_ALL;
/// Deliver Router Alert packets only from this socket's network namespace.
pub const IPV6_ROUTER_ALERT_ISOLATE: c_int = libc::IPV6_ROUTER_ALERT_ISOLATE;
/// Extend `IPV6_RECVERR` with RFC 4884 ICMP extension offsets.
pub const IPV6_RECVERR_RFC4884: c_int = 31;
/// Per-socket IPsec policy.
pub const IPV6_IPSEC_POLICY: c_int = libc::IPV6_IPSEC_POLICY;
/// Per-socket XFRM (IPsec) policy.
pub const IPV6_XFRM_POLICY: c_int = libc::IPV6_XFRM_POLICY;
/// Raw sockets: the caller supplies the IPv6 header.
pub const IPV6_HDRINCL: c_int = libc::IPV6_HDRINCL;
/// Deliver `in6_pktinfo` (interface, destination) with each datagram.
pub const IPV6_RECVPKTINFO: c_int = libc::IPV6_RECVPKTINFO;
/// Ancillary data: `in6_pktinfo`, received or to choose source and interface.
pub const IPV6_PKTINFO: c_int = libc::IPV6_PKTINFO;
/// Deliver the hop limit of received packets (`IPV6_HOPLIMIT`).
pub const IPV6_RECVHOPLIMIT: c_int = libc::IPV6_RECVHOPLIMIT;
/// Ancillary data: the hop limit, received or to send with.
pub const IPV6_HOPLIMIT: c_int = libc::IPV6_HOPLIMIT;
/// Deliver hop-by-hop options of received packets.
pub const IPV6_RECVHOPOPTS: c_int = libc::IPV6_RECVHOPOPTS;
/// Ancillary data or option: hop-by-hop options.
pub const IPV6_HOPOPTS: c_int = libc::IPV6_HOPOPTS;
/// Ancillary data or option: destination options before a routing header.
pub const IPV6_RTHDRDSTOPTS: c_int = libc::IPV6_RTHDRDSTOPTS;
/// Deliver the routing header of received packets.
pub const IPV6_RECVRTHDR: c_int = libc::IPV6_RECVRTHDR;
/// Ancillary data or option: the routing header.
pub const IPV6_RTHDR: c_int = libc::IPV6_RTHDR;
/// Deliver destination options of received packets.
pub const IPV6_RECVDSTOPTS: c_int = libc::IPV6_RECVDSTOPTS;
/// Ancillary data or option: destination options.
pub const IPV6_DSTOPTS: c_int = libc::IPV6_DSTOPTS;
/// Deliver path MTU changes (`IPV6_PATHMTU`) as ancillary data.
pub const IPV6_RECVPATHMTU: c_int = libc::IPV6_RECVPATHMTU;
/// Ancillary data or option: the path MTU (`ip6_mtuinfo`).
pub const IPV6_PATHMTU: c_int = libc::IPV6_PATHMTU;
/// Do not fragment outgoing packets; report `EMSGSIZE` instead.
pub const IPV6_DONTFRAG: c_int = libc::IPV6_DONTFRAG;
/// Deliver the traffic class of received packets (`IPV6_TCLASS`).
pub const IPV6_RECVTCLASS: c_int = libc::IPV6_RECVTCLASS;
/// Traffic class of outgoing packets; as ancillary data, of received ones.
pub const IPV6_TCLASS: c_int = libc::IPV6_TCLASS;
/// Generate flow labels for outgoing packets automatically.
pub const IPV6_AUTOFLOWLABEL: c_int = libc::IPV6_AUTOFLOWLABEL;
/// Source address selection preferences (`IPV6_PREFER_SRC_*`).
pub const IPV6_ADDR_PREFERENCES: c_int = libc::IPV6_ADDR_PREFERENCES;
/// Drop received packets whose hop limit is below this (RFC 5082).
pub const IPV6_MINHOPCOUNT: c_int = libc::IPV6_MINHOPCOUNT;
/// Ancillary data: the original destination address of a datagram.
pub const IPV6_ORIGDSTADDR: c_int = libc::IPV6_ORIGDSTADDR;
/// Deliver the original destination address (`IPV6_ORIGDSTADDR`) with each datagram.
pub const IPV6_RECVORIGDSTADDR: c_int = libc::IPV6_RECVORIGDSTADDR;
/// Transparent proxying: bind to and accept for non-local addresses.
pub const IPV6_TRANSPARENT: c_int = libc::IPV6_TRANSPARENT;
/// Send unicast through this interface index.
pub const IPV6_UNICAST_IF: c_int = libc::IPV6_UNICAST_IF;
/// Deliver the size of the largest received fragment as ancillary data.
pub const IPV6_RECVFRAGSIZE: c_int = libc::IPV6_RECVFRAGSIZE;
/// Allow binding to an address that is not (yet) local.
pub const IPV6_FREEBIND: c_int = libc::IPV6_FREEBIND;
/// Routing header hop: loose source route (historic).
pub const IPV6_RTHDR_LOOSE: c_int = libc::IPV6_RTHDR_LOOSE;
/// Routing header hop: strict source route (historic).
pub const IPV6_RTHDR_STRICT: c_int = libc::IPV6_RTHDR_STRICT;
/// Routing header type 0 (deprecated by RFC 5095).
pub const IPV6_RTHDR_TYPE_0: c_int = 0;
/// `IPV6_MTU_DISCOVER` value: fragment as needed.
pub const IPV6_PMTUDISC_DONT: c_int = libc::IPV6_PMTUDISC_DONT;
/// `IPV6_MTU_DISCOVER` value: use per-route hints.
pub const IPV6_PMTUDISC_WANT: c_int = libc::IPV6_PMTUDISC_WANT;
/// `IPV6_MTU_DISCOVER` value: never fragment.
pub const IPV6_PMTUDISC_DO: c_int = libc::IPV6_PMTUDISC_DO;
/// `IPV6_MTU_DISCOVER` value: ignore the path MTU.
pub const IPV6_PMTUDISC_PROBE: c_int = libc::IPV6_PMTUDISC_PROBE;

// IPPROTO_TCP options.
/// Send small segments at once (turn Nagle's algorithm off).
pub const TCP_NODELAY: c_int = libc::TCP_NODELAY;
/// Maximum segment size of outgoing segments.
pub const TCP_MAXSEG: c_int = libc::TCP_MAXSEG;
/// Hold partial segments until uncorked (or 200 ms).
pub const TCP_CORK: c_int = libc::TCP_CORK;
/// Seconds of idleness before keepalive probes start.
pub const TCP_KEEPIDLE: c_int = libc::TCP_KEEPIDLE;
/// Seconds between keepalive probes.
pub const TCP_KEEPINTVL: c_int = libc::TCP_KEEPINTVL;
/// Keepalive probes without answer before the connection is dropped.
pub const TCP_KEEPCNT: c_int = libc::TCP_KEEPCNT;
/// SYN retransmissions before `connect` gives up.
pub const TCP_SYNCNT: c_int = libc::TCP_SYNCNT;
/// Lifetime of orphaned `FIN_WAIT2` sockets, in seconds.
pub const TCP_LINGER2: c_int = libc::TCP_LINGER2;
/// Wake `accept` only when data has arrived (seconds to wait).
pub const TCP_DEFER_ACCEPT: c_int = libc::TCP_DEFER_ACCEPT;
/// Upper bound of the advertised window.
pub const TCP_WINDOW_CLAMP: c_int = libc::TCP_WINDOW_CLAMP;
/// Connection statistics (`struct tcp_info`, read only).
pub const TCP_INFO: c_int = libc::TCP_INFO;
/// Send ACKs at once instead of delaying them (not permanent).
pub const TCP_QUICKACK: c_int = libc::TCP_QUICKACK;
/// Name of the congestion control algorithm.
pub const TCP_CONGESTION: c_int = libc::TCP_CONGESTION;
/// TCP MD5 signature key of a peer (RFC 2385).
pub const TCP_MD5SIG: c_int = libc::TCP_MD5SIG;
/// Linear retransmission timeouts for thin streams.
pub const TCP_THIN_LINEAR_TIMEOUTS: c_int = libc::TCP_THIN_LINEAR_TIMEOUTS;
/// Fast retransmit after one duplicate ACK for thin streams (no-op today).
pub const TCP_THIN_DUPACK: c_int = libc::TCP_THIN_DUPACK;
/// Milliseconds unacknowledged data may stay before the connection is dropped.
pub const TCP_USER_TIMEOUT: c_int = libc::TCP_USER_TIMEOUT;
/// Repair mode (checkpoint/restore; needs `CAP_NET_ADMIN`).
pub const TCP_REPAIR: c_int = libc::TCP_REPAIR;
/// Repair mode: select the queue to read or write.
pub const TCP_REPAIR_QUEUE: c_int = libc::TCP_REPAIR_QUEUE;
/// Repair mode: sequence number of the selected queue.
pub const TCP_QUEUE_SEQ: c_int = libc::TCP_QUEUE_SEQ;
/// Repair mode: restore negotiated TCP options.
pub const TCP_REPAIR_OPTIONS: c_int = libc::TCP_REPAIR_OPTIONS;
/// TCP Fast Open on a listener: length of the pending-TFO queue.
pub const TCP_FASTOPEN: c_int = libc::TCP_FASTOPEN;
/// Offset of the TCP timestamp clock.
pub const TCP_TIMESTAMP: c_int = libc::TCP_TIMESTAMP;
/// Bytes of unsent data below which the socket counts as writable.
pub const TCP_NOTSENT_LOWAT: c_int = libc::TCP_NOTSENT_LOWAT;
/// Congestion control algorithm's own statistics (read only).
pub const TCP_CC_INFO: c_int = libc::TCP_CC_INFO;
/// Keep the SYN of incoming connections for `TCP_SAVED_SYN`.
pub const TCP_SAVE_SYN: c_int = libc::TCP_SAVE_SYN;
/// The saved SYN headers of the connection (read once).
pub const TCP_SAVED_SYN: c_int = libc::TCP_SAVED_SYN;
/// Repair mode: window parameters.
pub const TCP_REPAIR_WINDOW: c_int = libc::TCP_REPAIR_WINDOW;
/// Client TCP Fast Open: `connect` defers the SYN to the first write.
pub const TCP_FASTOPEN_CONNECT: c_int = libc::TCP_FASTOPEN_CONNECT;
/// Attach an upper-layer protocol (`"tls"`, `"mptcp"` ...).
pub const TCP_ULP: c_int = libc::TCP_ULP;
/// `TCP_MD5SIG` with prefix and interface matching.
pub const TCP_MD5SIG_EXT: c_int = libc::TCP_MD5SIG_EXT;
/// Server key of TCP Fast Open cookies.
pub const TCP_FASTOPEN_KEY: c_int = libc::TCP_FASTOPEN_KEY;
/// TCP Fast Open without a cookie.
pub const TCP_FASTOPEN_NO_COOKIE: c_int = libc::TCP_FASTOPEN_NO_COOKIE;
/// Zero-copy receive by `mmap` of the receive queue.
pub const TCP_ZEROCOPY_RECEIVE: c_int = libc::TCP_ZEROCOPY_RECEIVE;
/// Deliver the bytes left in the receive queue as `TCP_CM_INQ` ancillary data.
pub const TCP_INQ: c_int = libc::TCP_INQ;
/// Delay every sent packet by this many microseconds (testing).
pub const TCP_TX_DELAY: c_int = 37;

// SOL_UDP options and ancillary types (linux/udp.h).
/// Hold datagram data until uncorked, then send one datagram.
pub const UDP_CORK: c_int = libc::UDP_CORK;
/// Decapsulate received packets (ESP-in-UDP, L2TP ...), one of `UDP_ENCAP_*`.
pub const UDP_ENCAP: c_int = libc::UDP_ENCAP;
/// IPv6: send with a zero UDP checksum.
pub const UDP_NO_CHECK6_TX: c_int = libc::UDP_NO_CHECK6_TX;
/// IPv6: accept a zero UDP checksum.
pub const UDP_NO_CHECK6_RX: c_int = libc::UDP_NO_CHECK6_RX;
/// Generic segmentation offload: size of the datagrams a large send is cut into.
pub const UDP_SEGMENT: c_int = libc::UDP_SEGMENT;
/// Generic receive offload: coalesce received datagrams of one flow.
pub const UDP_GRO: c_int = libc::UDP_GRO;

// IPPROTO_UDPLITE options.
/// Bytes of each sent datagram the checksum covers (0: all).
pub const UDPLITE_SEND_CSCOV: c_int = 10;
/// Least checksum coverage a received datagram must have.
pub const UDPLITE_RECV_CSCOV: c_int = 11;

// SOL_RDS options, ancillary types and flags (linux/rds.h).
/// Cancel queued messages to one destination.
pub const RDS_CANCEL_SENT_TO: c_int = 1;
/// Register a memory region for RDMA.
pub const RDS_GET_MR: c_int = 2;
/// Release a registered memory region.
pub const RDS_FREE_MR: c_int = 3;
/// Deliver RDMA completion notifications as ancillary data.
pub const RDS_RECVERR: c_int = 5;
/// Deliver congestion map updates (`RDS_CMSG_CONG_UPDATE`).
pub const RDS_CONG_MONITOR: c_int = 6;
/// Register a memory region for one destination.
pub const RDS_GET_MR_FOR_DEST: c_int = 7;
/// The transport of an unbound RDS socket, one of `RDS_TRANS_*`.
pub const SO_RDS_TRANSPORT: c_int = 8;
/// Trace receive-path latency of messages (`RDS_CMSG_RXPATH_LATENCY`).
pub const SO_RDS_MSG_RXPATH_LATENCY: c_int = 10;
/// RDS transport: InfiniBand.
pub const RDS_TRANS_IB: c_int = 0;
/// RDS transport number left unused (was iWARP).
pub const RDS_TRANS_GAP: c_int = 1;
/// RDS transport: TCP.
pub const RDS_TRANS_TCP: c_int = 2;
/// No RDS transport chosen yet (~0).
pub const RDS_TRANS_NONE: c_int = !0;
/// Ancillary data: RDMA operation arguments.
pub const RDS_CMSG_RDMA_ARGS: c_int = 1;
/// Ancillary data: remote RDMA destination cookie.
pub const RDS_CMSG_RDMA_DEST: c_int = 2;
/// Ancillary data: map a memory region for this message.
pub const RDS_CMSG_RDMA_MAP: c_int = 3;
/// Ancillary data: status of a completed RDMA operation.
pub const RDS_CMSG_RDMA_STATUS: c_int = 4;
/// Ancillary data: congestion map update.
pub const RDS_CMSG_CONG_UPDATE: c_int = 5;
/// Ancillary data: atomic fetch-and-add.
pub const RDS_CMSG_ATOMIC_FADD: c_int = 6;
/// Ancillary data: atomic compare-and-swap.
pub const RDS_CMSG_ATOMIC_CSWP: c_int = 7;
/// Ancillary data: masked atomic fetch-and-add.
pub const RDS_CMSG_MASKED_ATOMIC_FADD: c_int = 8;
/// Ancillary data: masked atomic compare-and-swap.
pub const RDS_CMSG_MASKED_ATOMIC_CSWP: c_int = 9;
/// Ancillary data: receive-path latency trace.
pub const RDS_CMSG_RXPATH_LATENCY: c_int = 11;
/// Ancillary data: cookie of a zero-copy send.
pub const RDS_CMSG_ZCOPY_COOKIE: c_int = 12;
/// Ancillary data: completed zero-copy sends.
pub const RDS_CMSG_ZCOPY_COMPLETION: c_int = 13;
/// RDMA flag: write to the remote memory (else read).
pub const RDS_RDMA_READWRITE: c_int = 0x0001;
/// RDMA flag: wait for earlier operations first.
pub const RDS_RDMA_FENCE: c_int = 0x0002;
/// RDMA flag: invalidate the region after the operation.
pub const RDS_RDMA_INVALIDATE: c_int = 0x0004;
/// RDMA flag: free the region after one use.
pub const RDS_RDMA_USE_ONCE: c_int = 0x0008;
/// RDMA flag: do not wait for memory region registration.
pub const RDS_RDMA_DONTWAIT: c_int = 0x0010;
/// RDMA flag: report completion.
pub const RDS_RDMA_NOTIFY_ME: c_int = 0x0020;
/// RDMA flag: do not report completion to the remote side.
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
