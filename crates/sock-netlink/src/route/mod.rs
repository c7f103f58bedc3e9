//! rtnetlink (`NETLINK_ROUTE`): the links, addresses, routes and neighbours of a network
//! namespace — what `ip link`, `ip addr`, `ip route` and `ip neigh` show and change.
//!
//! - Decoded messages: [`Link`], [`Address`], [`Route`], [`Neighbour`], each with `parse`
//!   (one message), `dump_request` (the request to send) and `dump` (every entry, through a
//!   [`NetlinkSocket`](crate::NetlinkSocket)).
//! - The fixed family headers: [`IfInfoMsg`] (`ifinfomsg`), [`IfAddrMsg`] (`ifaddrmsg`),
//!   [`RtMsg`] (`rtmsg`), [`NdMsg`] (`ndmsg`), for building requests and reading attributes
//!   the decoded types leave out. Interface indexes are `u32` in all of them.
//! - Names as `ip` prints them: [`LinkFlags`] (`LOOPBACK,UP,LOWER_UP`), [`OperState`] (`UP`,
//!   `UNKNOWN`...), [`NeighState`] (`REACHABLE`...), [`MacAddr`] (`aa:bb:cc:dd:ee:ff`);
//!   attribute values through the typed accessors of [`NlAttr`](crate::msg::NlAttr)
//!   (`as_ip`, `as_mac`, `as_str`, `as_u32`, `as_u16_be`...).
//! - The numbers of `<linux/rtnetlink.h>`, `<linux/if_link.h>`, `<linux/if_addr.h>`,
//!   `<linux/neighbour.h>` under their Linux names (`RTM_*`, `RTMGRP_*`, `RTNLGRP_*`,
//!   `IFLA_*`, `IFA_*`, `IFF_*`, `IF_OPER_*`, `RTA_*`, `RTN_*`, `RTPROT_*`, `RT_SCOPE_*`,
//!   `RT_TABLE_*`, `NDA_*`, `NUD_*`, `NTF_*`, `ARPHRD_*`). Anything else is a number from the
//!   kernel headers away: the [`crate::msg`] builder and iterators take any type.
//!
//! `ip -br link`, then `ip -br addr`, from the kernel's answers:
//!
//! ```
//! use sock::netlink::{consts::NETLINK_ROUTE, route::{Address, Link}, NetlinkSocket};
//! let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
//! let links = Link::dump(&nl)?;
//! for link in &links {
//!     let mac = link.mac.map(|m| m.to_string()).unwrap_or_default();
//!     println!("{:<16} {:<14} {mac} <{}>", link.name, link.operstate, link.flags);
//! }
//! let addrs = Address::dump(&nl, sock::consts::AF_UNSPEC)?;
//! for link in &links {
//!     let mine: Vec<String> = addrs.iter().filter(|a| a.index == link.index).map(|a| a.to_string()).collect();
//!     println!("{:<16} {:<14} {}", link.name, link.operstate, mine.join(" "));
//! }
//! assert!(links.iter().any(|l| l.name == "lo" && l.mtu > 0));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The same by hand, with the family header and the attribute accessors (what `Link::parse`
//! does):
//!
//! ```
//! use sock::netlink::{consts::*, msg::NlMsgBuilder, route::*, NetlinkSocket};
//! let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
//! let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
//! req.push_struct(&IfInfoMsg::default().to_bytes());
//! nl.dump(req, |msg| {
//!     let info = IfInfoMsg::from_bytes(msg.payload).expect("ifinfomsg");
//!     let (mut name, mut mtu, mut state, mut mac) = ("", 0, OperState::UNKNOWN, None);
//!     for attr in msg.attrs(IfInfoMsg::LEN) {
//!         match attr.ty {
//!             IFLA_IFNAME => name = attr.as_str()?,
//!             IFLA_MTU => mtu = attr.as_u32()?,
//!             IFLA_OPERSTATE => state = OperState(attr.as_u8()?),
//!             IFLA_ADDRESS => mac = attr.as_mac().ok(),
//!             _ => {}
//!         }
//!     }
//!     println!("{}: {name} mtu {mtu} state {state} <{}> {mac:?}", info.index, LinkFlags(info.flags));
//!     Ok(())
//! })?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Routes ([`Route`]) and neighbours ([`Neighbour`]) have `ip route`- and `ip neigh`-like
//! examples on their types.

mod address;
mod consts;
mod link;
mod neigh;
mod routes;

pub use address::{Address, IfAddrMsg};
pub use consts::*;
pub use link::{IfInfoMsg, Link, LinkFlags, OperState};
pub use neigh::{NdMsg, NeighState, Neighbour};
pub use routes::{Route, RtMsg};
pub use sock_core::MacAddr;

/// The name of an rtnetlink message type (`"RTM_NEWADDR"`), `None` for a number this crate
/// does not name. Errors of requests use it ([`NetlinkSocket::request_ack`](crate::NetlinkSocket::request_ack)).
///
/// ```
/// use sock::netlink::route::{message_type_name, RTM_GETNEIGH};
/// assert_eq!(message_type_name(RTM_GETNEIGH), Some("RTM_GETNEIGH"));
/// assert_eq!(message_type_name(1000), None);
/// ```
pub fn message_type_name(ty: u16) -> Option<&'static str> {
    macro_rules! names {
        ($($name:ident)*) => {
            match ty {
                $(consts::$name => Some(stringify!($name)),)*
                _ => None,
            }
        };
    }
    names!(
        RTM_NEWLINK RTM_DELLINK RTM_GETLINK RTM_SETLINK RTM_NEWADDR RTM_DELADDR RTM_GETADDR
        RTM_NEWROUTE RTM_DELROUTE RTM_GETROUTE RTM_NEWNEIGH RTM_DELNEIGH RTM_GETNEIGH
        RTM_NEWRULE RTM_DELRULE RTM_GETRULE RTM_NEWQDISC RTM_DELQDISC RTM_GETQDISC
    )
}
