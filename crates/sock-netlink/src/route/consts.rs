//! The rtnetlink numbers, each the Linux constant of the same name with its value from
//! `<linux/rtnetlink.h>`, `<linux/if_link.h>`, `<linux/if_addr.h>`, `<linux/neighbour.h>`,
//! `<linux/if.h>` and `<linux/if_arp.h>`. Re-exported by [`crate::route`].

// Message types (`nlmsg_type` of NETLINK_ROUTE messages).
/// `RTM_NEWLINK`: a link (network interface): its description in a dump or an event, or a
/// request to create one (`NLM_F_CREATE`) or change one. Family header: [`IfInfoMsg`](super::IfInfoMsg).
pub const RTM_NEWLINK: u16 = 16;
/// `RTM_DELLINK`: an event that a link went away, or a request to delete one.
pub const RTM_DELLINK: u16 = 17;
/// `RTM_GETLINK`: a request for one link (by index or `IFLA_IFNAME`) or, with `NLM_F_DUMP`,
/// all of them; answered with `RTM_NEWLINK`.
pub const RTM_GETLINK: u16 = 18;
/// `RTM_SETLINK`: a request to change a link's flags, name, MTU... (no creation).
pub const RTM_SETLINK: u16 = 19;
/// `RTM_NEWADDR`: an interface address, or a request to add one. Family header:
/// [`IfAddrMsg`](super::IfAddrMsg).
pub const RTM_NEWADDR: u16 = 20;
/// `RTM_DELADDR`: an event that an address was removed, or a request to remove one.
pub const RTM_DELADDR: u16 = 21;
/// `RTM_GETADDR`: a request for the addresses (with `NLM_F_DUMP`); answered with `RTM_NEWADDR`.
pub const RTM_GETADDR: u16 = 22;
/// `RTM_NEWROUTE`: a route, or a request to add one. Family header: [`RtMsg`](super::RtMsg).
pub const RTM_NEWROUTE: u16 = 24;
/// `RTM_DELROUTE`: an event that a route was removed, or a request to remove one.
pub const RTM_DELROUTE: u16 = 25;
/// `RTM_GETROUTE`: a route lookup, or with `NLM_F_DUMP` the routes of every table.
pub const RTM_GETROUTE: u16 = 26;
/// `RTM_NEWNEIGH`: a neighbour (ARP/NDP cache) entry, or a request to add one. Family header:
/// [`NdMsg`](super::NdMsg).
pub const RTM_NEWNEIGH: u16 = 28;
/// `RTM_DELNEIGH`: an event that a neighbour entry was removed, or a request to remove one.
pub const RTM_DELNEIGH: u16 = 29;
/// `RTM_GETNEIGH`: a request for the neighbour entries (with `NLM_F_DUMP`).
pub const RTM_GETNEIGH: u16 = 30;
/// `RTM_NEWRULE`: a policy routing rule (`ip rule`), or a request to add one.
pub const RTM_NEWRULE: u16 = 32;
/// `RTM_DELRULE`: a request to remove a policy routing rule.
pub const RTM_DELRULE: u16 = 33;
/// `RTM_GETRULE`: a request for the policy routing rules.
pub const RTM_GETRULE: u16 = 34;
/// `RTM_NEWQDISC`: a queueing discipline (`tc qdisc`), or a request to add one.
pub const RTM_NEWQDISC: u16 = 36;
/// `RTM_DELQDISC`: a request to remove a queueing discipline.
pub const RTM_DELQDISC: u16 = 37;
/// `RTM_GETQDISC`: a request for the queueing disciplines.
pub const RTM_GETQDISC: u16 = 38;

// Multicast group masks for `NetlinkAddr::groups` (legacy bit form).
/// `RTMGRP_LINK`: legacy group bit: link events (`RTM_NEWLINK`/`RTM_DELLINK`).
pub const RTMGRP_LINK: u32 = 0x1;
/// `RTMGRP_NOTIFY`: legacy group bit: notifications from user space (`ip monitor`).
pub const RTMGRP_NOTIFY: u32 = 0x2;
/// `RTMGRP_NEIGH`: legacy group bit: neighbour cache events.
pub const RTMGRP_NEIGH: u32 = 0x4;
/// `RTMGRP_TC`: legacy group bit: traffic control (qdisc, class, filter) events.
pub const RTMGRP_TC: u32 = 0x8;
/// `RTMGRP_IPV4_IFADDR`: legacy group bit: IPv4 address events.
pub const RTMGRP_IPV4_IFADDR: u32 = 0x10;
/// `RTMGRP_IPV4_MROUTE`: legacy group bit: IPv4 multicast route events.
pub const RTMGRP_IPV4_MROUTE: u32 = 0x20;
/// `RTMGRP_IPV4_ROUTE`: legacy group bit: IPv4 route events.
pub const RTMGRP_IPV4_ROUTE: u32 = 0x40;
/// `RTMGRP_IPV4_RULE`: legacy group bit: IPv4 policy rule events.
pub const RTMGRP_IPV4_RULE: u32 = 0x80;
/// `RTMGRP_IPV6_IFADDR`: legacy group bit: IPv6 address events.
pub const RTMGRP_IPV6_IFADDR: u32 = 0x100;
/// `RTMGRP_IPV6_MROUTE`: legacy group bit: IPv6 multicast route events.
pub const RTMGRP_IPV6_MROUTE: u32 = 0x200;
/// `RTMGRP_IPV6_ROUTE`: legacy group bit: IPv6 route events.
pub const RTMGRP_IPV6_ROUTE: u32 = 0x400;
/// `RTMGRP_IPV6_IFINFO`: legacy group bit: IPv6 per-interface information events.
pub const RTMGRP_IPV6_IFINFO: u32 = 0x800;

// Group numbers for `NetlinkSocket::add_membership` (`enum rtnetlink_groups`).
/// `RTNLGRP_LINK`: group number: link events.
pub const RTNLGRP_LINK: u32 = 1;
/// `RTNLGRP_NOTIFY`: group number: notifications from user space.
pub const RTNLGRP_NOTIFY: u32 = 2;
/// `RTNLGRP_NEIGH`: group number: neighbour cache events.
pub const RTNLGRP_NEIGH: u32 = 3;
/// `RTNLGRP_TC`: group number: traffic control events.
pub const RTNLGRP_TC: u32 = 4;
/// `RTNLGRP_IPV4_IFADDR`: group number: IPv4 address events.
pub const RTNLGRP_IPV4_IFADDR: u32 = 5;
/// `RTNLGRP_IPV4_ROUTE`: group number: IPv4 route events.
pub const RTNLGRP_IPV4_ROUTE: u32 = 7;
/// `RTNLGRP_IPV6_IFADDR`: group number: IPv6 address events.
pub const RTNLGRP_IPV6_IFADDR: u32 = 9;
/// `RTNLGRP_IPV6_ROUTE`: group number: IPv6 route events.
pub const RTNLGRP_IPV6_ROUTE: u32 = 11;

// Link attributes (`IFLA_*`, <linux/if_link.h>).
/// `IFLA_ADDRESS`: the link-layer (hardware) address: 6 bytes on Ethernet
/// ([`NlAttr::as_mac`](crate::msg::NlAttr::as_mac)).
pub const IFLA_ADDRESS: u16 = 1;
/// `IFLA_BROADCAST`: the link-layer broadcast address.
pub const IFLA_BROADCAST: u16 = 2;
/// `IFLA_IFNAME`: the interface name, a NUL-terminated string of at most 15 bytes.
pub const IFLA_IFNAME: u16 = 3;
/// `IFLA_MTU`: the MTU in bytes, a `u32`.
pub const IFLA_MTU: u16 = 4;
/// `IFLA_LINK`: the index of the underlying link (`u32`), printed by `ip` as `name@link`.
pub const IFLA_LINK: u16 = 5;
/// `IFLA_MASTER`: the index of the master device (bridge, bond, VRF), a `u32`.
pub const IFLA_MASTER: u16 = 10;
/// `IFLA_TXQLEN`: the transmit queue length in packets, a `u32`.
pub const IFLA_TXQLEN: u16 = 13;
/// `IFLA_OPERSTATE`: the RFC 2863 operational state, a `u8` `IF_OPER_*` ([`OperState`](super::OperState)).
pub const IFLA_OPERSTATE: u16 = 16;
/// `IFLA_LINKINFO`: nested: the link kind (`IFLA_INFO_KIND`) and its kind-specific data.
pub const IFLA_LINKINFO: u16 = 18;
/// `IFLA_NET_NS_PID`: move the link to the network namespace of this process id (`u32`).
pub const IFLA_NET_NS_PID: u16 = 19;
/// `IFLA_IFALIAS`: the interface alias, a free-form string.
pub const IFLA_IFALIAS: u16 = 20;
/// `IFLA_NET_NS_FD`: move the link to the network namespace of this file descriptor (`u32`).
pub const IFLA_NET_NS_FD: u16 = 28;
/// `IFLA_PROMISCUITY`: how many users put the link in promiscuous mode, a `u32`.
pub const IFLA_PROMISCUITY: u16 = 30;
// Inside IFLA_LINKINFO.
/// `IFLA_INFO_KIND`: inside `IFLA_LINKINFO`: the link kind, a string (`veth`, `bridge`, `vcan`...).
pub const IFLA_INFO_KIND: u16 = 1;
/// `IFLA_INFO_DATA`: inside `IFLA_LINKINFO`: nested, the kind's own attributes.
pub const IFLA_INFO_DATA: u16 = 2;
/// `VETH_INFO_PEER`: inside the `IFLA_INFO_DATA` of a veth: the peer, an `ifinfomsg`
/// followed by its own `IFLA_*` attributes.
pub const VETH_INFO_PEER: u16 = 1;

// Operational states (`IF_OPER_*`, RFC 2863, the payload of IFLA_OPERSTATE).
/// `IF_OPER_UNKNOWN`: the driver does not report a state (loopback, many virtual devices).
pub const IF_OPER_UNKNOWN: u8 = 0;
/// `IF_OPER_NOTPRESENT`: a component of the interface is missing (unused by Linux drivers).
pub const IF_OPER_NOTPRESENT: u8 = 1;
/// `IF_OPER_DOWN`: the interface cannot pass packets (administratively down, or no carrier).
pub const IF_OPER_DOWN: u8 = 2;
/// `IF_OPER_LOWERLAYERDOWN`: down because a device it stacks on is down (a VLAN on a downed NIC).
pub const IF_OPER_LOWERLAYERDOWN: u8 = 3;
/// `IF_OPER_TESTING`: in test mode.
pub const IF_OPER_TESTING: u8 = 4;
/// `IF_OPER_DORMANT`: up but waiting for an external event (802.1X authentication...).
pub const IF_OPER_DORMANT: u8 = 5;
/// `IF_OPER_UP`: up and able to pass packets.
pub const IF_OPER_UP: u8 = 6;

// Address attributes (`IFA_*`, <linux/if_addr.h>).
/// `IFA_ADDRESS`: the address (IPv6), or the peer's address on a point-to-point IPv4 link.
pub const IFA_ADDRESS: u16 = 1;
/// `IFA_LOCAL`: the local IPv4 address (the one `ip addr` prints).
pub const IFA_LOCAL: u16 = 2;
/// `IFA_LABEL`: the IPv4 address label (`eth0:1`), a string.
pub const IFA_LABEL: u16 = 3;
/// `IFA_BROADCAST`: the IPv4 broadcast address.
pub const IFA_BROADCAST: u16 = 4;
/// `IFA_ANYCAST`: an anycast address.
pub const IFA_ANYCAST: u16 = 5;
/// `IFA_CACHEINFO`: `struct ifa_cacheinfo`: preferred and valid lifetimes in seconds.
pub const IFA_CACHEINFO: u16 = 6;
/// `IFA_MULTICAST`: a multicast address.
pub const IFA_MULTICAST: u16 = 7;
/// `IFA_FLAGS`: all the `IFA_F_*` flags as a `u32` (the header's `u8` holds the low 8 only).
pub const IFA_FLAGS: u16 = 8;

// Address flags (`IFA_F_*`).
/// `IFA_F_SECONDARY`: a secondary IPv4 address (also `IFA_F_TEMPORARY`, an IPv6 privacy address).
pub const IFA_F_SECONDARY: u32 = 0x01;
/// `IFA_F_NODAD`: IPv6: no duplicate address detection.
pub const IFA_F_NODAD: u32 = 0x02;
/// `IFA_F_OPTIMISTIC`: IPv6: optimistic duplicate address detection.
pub const IFA_F_OPTIMISTIC: u32 = 0x04;
/// `IFA_F_DADFAILED`: IPv6: duplicate address detection failed.
pub const IFA_F_DADFAILED: u32 = 0x08;
/// `IFA_F_HOMEADDRESS`: Mobile IPv6 home address.
pub const IFA_F_HOMEADDRESS: u32 = 0x10;
/// `IFA_F_DEPRECATED`: IPv6: the preferred lifetime expired.
pub const IFA_F_DEPRECATED: u32 = 0x20;
/// `IFA_F_TENTATIVE`: IPv6: duplicate address detection is under way.
pub const IFA_F_TENTATIVE: u32 = 0x40;
/// `IFA_F_PERMANENT`: a static address (not from autoconfiguration), without lifetime.
pub const IFA_F_PERMANENT: u32 = 0x80;

// Interface flags of `ifinfomsg::flags` (`IFF_*`, <linux/if.h>).
/// `IFF_UP`: administratively up (`ip link set up`).
pub const IFF_UP: u32 = 0x1;
/// `IFF_BROADCAST`: the link has a valid broadcast address.
pub const IFF_BROADCAST: u32 = 0x2;
/// `IFF_DEBUG`: the driver's debugging is on.
pub const IFF_DEBUG: u32 = 0x4;
/// `IFF_LOOPBACK`: a loopback device.
pub const IFF_LOOPBACK: u32 = 0x8;
/// `IFF_POINTOPOINT`: a point-to-point link.
pub const IFF_POINTOPOINT: u32 = 0x10;
/// `IFF_NOTRAILERS`: avoid trailers (obsolete, unused by Linux).
pub const IFF_NOTRAILERS: u32 = 0x20;
/// `IFF_RUNNING`: operationally up (RFC 2863 `up`); `ip` prints `NO-CARRIER` when `IFF_UP` lacks it.
pub const IFF_RUNNING: u32 = 0x40;
/// `IFF_NOARP`: no ARP on this link.
pub const IFF_NOARP: u32 = 0x80;
/// `IFF_PROMISC`: receives every packet (promiscuous mode).
pub const IFF_PROMISC: u32 = 0x100;
/// `IFF_ALLMULTI`: receives every multicast packet.
pub const IFF_ALLMULTI: u32 = 0x200;
/// `IFF_MASTER`: master of a load-balancing bundle (bonding).
pub const IFF_MASTER: u32 = 0x400;
/// `IFF_SLAVE`: member of a load-balancing bundle (bonding).
pub const IFF_SLAVE: u32 = 0x800;
/// `IFF_MULTICAST`: the link supports multicast.
pub const IFF_MULTICAST: u32 = 0x1000;
/// `IFF_PORTSEL`: the media type can be selected.
pub const IFF_PORTSEL: u32 = 0x2000;
/// `IFF_AUTOMEDIA`: the media type is selected automatically.
pub const IFF_AUTOMEDIA: u32 = 0x4000;
/// `IFF_DYNAMIC`: the addresses are lost when the link goes down (dial-up).
pub const IFF_DYNAMIC: u32 = 0x8000;
/// `IFF_LOWER_UP`: the driver signals layer-1 up (carrier).
pub const IFF_LOWER_UP: u32 = 0x10000;
/// `IFF_DORMANT`: the driver signals dormant.
pub const IFF_DORMANT: u32 = 0x20000;
/// `IFF_ECHO`: the device echoes sent packets (CAN).
pub const IFF_ECHO: u32 = 0x40000;

// Hardware types of `ifinfomsg::ty` (`ARPHRD_*`, <linux/if_arp.h>).
/// `ARPHRD_ETHER`: Ethernet (also veth, bridges, Wi-Fi).
pub const ARPHRD_ETHER: u16 = 1;
/// `ARPHRD_CAN`: a CAN bus interface.
pub const ARPHRD_CAN: u16 = 280;
/// `ARPHRD_LOOPBACK`: the loopback device.
pub const ARPHRD_LOOPBACK: u16 = 772;
/// `ARPHRD_NONE`: no link-layer header (`tun` devices, WireGuard).
pub const ARPHRD_NONE: u16 = 0xfffe;

// Route attributes (`RTA_*`, <linux/rtnetlink.h>).
/// `RTA_DST`: the route's destination prefix (an address; its length is `rtmsg::dst_len`).
pub const RTA_DST: u16 = 1;
/// `RTA_SRC`: the source prefix of a source-specific route.
pub const RTA_SRC: u16 = 2;
/// `RTA_IIF`: the input interface index, a `u32`.
pub const RTA_IIF: u16 = 3;
/// `RTA_OIF`: the output interface index, a `u32` (`ip route`'s `dev`).
pub const RTA_OIF: u16 = 4;
/// `RTA_GATEWAY`: the next hop's address (`ip route`'s `via`).
pub const RTA_GATEWAY: u16 = 5;
/// `RTA_PRIORITY`: the route's metric, a `u32` (`ip route`'s `metric`).
pub const RTA_PRIORITY: u16 = 6;
/// `RTA_PREFSRC`: the preferred source address (`ip route`'s `src`).
pub const RTA_PREFSRC: u16 = 7;
/// `RTA_METRICS`: nested `RTAX_*` metrics (MTU, window...).
pub const RTA_METRICS: u16 = 8;
/// `RTA_MULTIPATH`: the next hops of a multipath route (`struct rtnexthop` list).
pub const RTA_MULTIPATH: u16 = 9;
/// `RTA_TABLE`: the routing table id, a `u32` (the header's `u8` table is 252 above 255).
pub const RTA_TABLE: u16 = 15;
/// `RTA_MARK`: the firewall mark (`u32`) of a route lookup.
pub const RTA_MARK: u16 = 16;
/// `RTA_PREF`: IPv6 router preference of the route, a `u8`.
pub const RTA_PREF: u16 = 20;

// Route types (`rtmsg::ty`, `RTN_*`).
/// `RTN_UNSPEC`: unknown route type.
pub const RTN_UNSPEC: u8 = 0;
/// `RTN_UNICAST`: a gateway or direct route (what `ip route` lists without a type word).
pub const RTN_UNICAST: u8 = 1;
/// `RTN_LOCAL`: a local address (in the `local` table).
pub const RTN_LOCAL: u8 = 2;
/// `RTN_BROADCAST`: a local broadcast route, sent as broadcast.
pub const RTN_BROADCAST: u8 = 3;
/// `RTN_ANYCAST`: a local broadcast route, sent as unicast.
pub const RTN_ANYCAST: u8 = 4;
/// `RTN_MULTICAST`: a multicast route.
pub const RTN_MULTICAST: u8 = 5;
/// `RTN_BLACKHOLE`: drop packets silently.
pub const RTN_BLACKHOLE: u8 = 6;
/// `RTN_UNREACHABLE`: drop packets with "destination unreachable".
pub const RTN_UNREACHABLE: u8 = 7;
/// `RTN_PROHIBIT`: drop packets with "administratively prohibited".
pub const RTN_PROHIBIT: u8 = 8;

// Route origins (`rtmsg::protocol`, `RTPROT_*`).
/// `RTPROT_UNSPEC`: unknown origin.
pub const RTPROT_UNSPEC: u8 = 0;
/// `RTPROT_REDIRECT`: installed by an ICMP redirect (unused now).
pub const RTPROT_REDIRECT: u8 = 1;
/// `RTPROT_KERNEL`: installed by the kernel for an address (`proto kernel`).
pub const RTPROT_KERNEL: u8 = 2;
/// `RTPROT_BOOT`: installed during boot, or by `ip route add` without `proto` (`proto boot`).
pub const RTPROT_BOOT: u8 = 3;
/// `RTPROT_STATIC`: installed by the administrator (`proto static`).
pub const RTPROT_STATIC: u8 = 4;
/// `RTPROT_RA`: installed from an IPv6 router advertisement (`proto ra`).
pub const RTPROT_RA: u8 = 9;
/// `RTPROT_DHCP`: installed by a DHCP client (`proto dhcp`).
pub const RTPROT_DHCP: u8 = 16;

// Route scopes (`rtmsg::scope`, `ifaddrmsg::scope`, `RT_SCOPE_*`).
/// `RT_SCOPE_UNIVERSE`: global: valid everywhere (`scope global`).
pub const RT_SCOPE_UNIVERSE: u8 = 0;
/// `RT_SCOPE_SITE`: valid within the site (IPv6 site-local, deprecated).
pub const RT_SCOPE_SITE: u8 = 200;
/// `RT_SCOPE_LINK`: valid on the attached link only (`scope link`).
pub const RT_SCOPE_LINK: u8 = 253;
/// `RT_SCOPE_HOST`: valid on this host only (`scope host`: loopback, local addresses).
pub const RT_SCOPE_HOST: u8 = 254;
/// `RT_SCOPE_NOWHERE`: no destination.
pub const RT_SCOPE_NOWHERE: u8 = 255;

// Routing tables (`RT_TABLE_*`; `u32` as in `RTA_TABLE`).
/// `RT_TABLE_UNSPEC`: no table given.
pub const RT_TABLE_UNSPEC: u32 = 0;
/// `RT_TABLE_COMPAT`: in the header's `u8` table field: the table id is above 255, read `RTA_TABLE`.
pub const RT_TABLE_COMPAT: u32 = 252;
/// `RT_TABLE_DEFAULT`: the `default` table (empty unless configured).
pub const RT_TABLE_DEFAULT: u32 = 253;
/// `RT_TABLE_MAIN`: the `main` table, the one `ip route` lists.
pub const RT_TABLE_MAIN: u32 = 254;
/// `RT_TABLE_LOCAL`: the `local` table: local and broadcast addresses (`ip route show table local`).
pub const RT_TABLE_LOCAL: u32 = 255;

// Neighbour attributes (`NDA_*`, <linux/neighbour.h>).
/// `NDA_DST`: the neighbour's network-layer address (IPv4 or IPv6).
pub const NDA_DST: u16 = 1;
/// `NDA_LLADDR`: the neighbour's link-layer address (`ip neigh`'s `lladdr`).
pub const NDA_LLADDR: u16 = 2;
/// `NDA_CACHEINFO`: `struct nda_cacheinfo`: confirmed/used/updated ages in clock ticks.
pub const NDA_CACHEINFO: u16 = 3;
/// `NDA_PROBES`: how many probes were sent, a `u32`.
pub const NDA_PROBES: u16 = 4;
/// `NDA_VLAN`: the VLAN id of a bridge forwarding entry, a `u16`.
pub const NDA_VLAN: u16 = 5;
/// `NDA_PORT`: the UDP port of a VXLAN forwarding entry, a `__be16` ([`NlAttr::as_u16_be`](crate::msg::NlAttr::as_u16_be)).
pub const NDA_PORT: u16 = 6;

// Neighbour states (`ndmsg::state`, `NUD_*`).
/// `NUD_NONE`: no state (a new entry).
pub const NUD_NONE: u16 = 0x00;
/// `NUD_INCOMPLETE`: address resolution is under way.
pub const NUD_INCOMPLETE: u16 = 0x01;
/// `NUD_REACHABLE`: confirmed reachable recently.
pub const NUD_REACHABLE: u16 = 0x02;
/// `NUD_STALE`: valid but not confirmed recently.
pub const NUD_STALE: u16 = 0x04;
/// `NUD_DELAY`: stale and used: waiting before probing.
pub const NUD_DELAY: u16 = 0x08;
/// `NUD_PROBE`: being probed.
pub const NUD_PROBE: u16 = 0x10;
/// `NUD_FAILED`: resolution failed.
pub const NUD_FAILED: u16 = 0x20;
/// `NUD_NOARP`: valid without resolution (loopback, point-to-point, multicast).
pub const NUD_NOARP: u16 = 0x40;
/// `NUD_PERMANENT`: a static entry (`ip neigh add ... permanent`).
pub const NUD_PERMANENT: u16 = 0x80;

// Neighbour flags (`ndmsg::flags`, `NTF_*`).
/// `NTF_USE`: request: mark the entry as used (triggers resolution).
pub const NTF_USE: u8 = 0x01;
/// `NTF_SELF`: a bridge forwarding entry of the device itself.
pub const NTF_SELF: u8 = 0x02;
/// `NTF_MASTER`: a bridge forwarding entry of the master (bridge).
pub const NTF_MASTER: u8 = 0x04;
/// `NTF_PROXY`: a proxy ARP/NDP entry (`ip neigh show proxy`).
pub const NTF_PROXY: u8 = 0x08;
/// `NTF_ROUTER`: the neighbour is an IPv6 router (`ip neigh` prints `router`).
pub const NTF_ROUTER: u8 = 0x80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_libc() {
        assert_eq!(RTM_GETLINK, libc::RTM_GETLINK);
        assert_eq!(RTM_NEWADDR, libc::RTM_NEWADDR);
        assert_eq!(RTM_GETQDISC, libc::RTM_GETQDISC);
        assert_eq!(RTMGRP_LINK as i32, libc::RTMGRP_LINK);
        assert_eq!(RTMGRP_IPV6_IFINFO as i32, libc::RTMGRP_IPV6_IFINFO);
        assert_eq!(RTNLGRP_IPV6_ROUTE, libc::RTNLGRP_IPV6_ROUTE);
        assert_eq!(IFF_PROMISC as i32, libc::IFF_PROMISC);
        assert_eq!(IFF_LOWER_UP as i32, libc::IFF_LOWER_UP);
        assert_eq!(IFF_ECHO as i32, libc::IFF_ECHO);
        assert_eq!(IFF_DYNAMIC as i32, libc::IFF_DYNAMIC);
        assert_eq!(IFLA_PROMISCUITY, libc::IFLA_PROMISCUITY);
        assert_eq!(IFLA_NET_NS_FD, libc::IFLA_NET_NS_FD);
        assert_eq!(IFLA_OPERSTATE, libc::IFLA_OPERSTATE);
        assert_eq!(IFA_FLAGS, libc::IFA_FLAGS);
        assert_eq!(IFA_F_PERMANENT, libc::IFA_F_PERMANENT);
        assert_eq!(RTA_TABLE, libc::RTA_TABLE);
        assert_eq!(RTA_PREF, libc::RTA_PREF);
        assert_eq!(RTN_PROHIBIT, libc::RTN_PROHIBIT);
        assert_eq!(RTPROT_STATIC, libc::RTPROT_STATIC);
        assert_eq!(RT_SCOPE_HOST, libc::RT_SCOPE_HOST);
        assert_eq!(RT_TABLE_MAIN, u32::from(libc::RT_TABLE_MAIN));
        assert_eq!(NDA_PORT, libc::NDA_PORT);
        assert_eq!(NUD_PERMANENT, libc::NUD_PERMANENT);
        assert_eq!(NTF_ROUTER, libc::NTF_ROUTER);
        assert_eq!(ARPHRD_LOOPBACK, libc::ARPHRD_LOOPBACK);
        assert_eq!(ARPHRD_NONE, libc::ARPHRD_NONE);
        assert_eq!(ARPHRD_CAN, libc::ARPHRD_CAN);
    }
}
