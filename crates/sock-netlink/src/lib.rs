//! AF_NETLINK: messaging between programs and the kernel (routing, links, addresses, audit,
//! uevents, generic netlink...).
//!
//! - [`NetlinkAddr`] is CPython's `(pid, groups)` address, with the text form `pid:groups`.
//! - [`consts`] holds the `NETLINK_*` protocol and option numbers under their Python names, plus
//!   the message flags and types (`NLM_F_*`, `NLMSG_*`) of `<linux/netlink.h>`.
//! - [`msg`] encodes and decodes netlink messages and attributes: [`msg::NlMsgBuilder`] builds a
//!   request, [`msg::NlMsgIter`] walks a received buffer, [`msg::NlAttrIter`] walks attributes.
//!   All of them are bounds-checked and never panic on kernel or peer input.
//! - [`NetlinkSocket`] wraps a [`sock_core::Socket`] with the usual chores: group membership,
//!   request/acknowledge and dumps.
//! - [`route`] has the few `rtnetlink` types (`ifinfomsg`, `ifaddrmsg`) and numbers a program
//!   needs to list, create and watch interfaces.
//!
//! ```
//! use sock_netlink::{consts::*, msg::NlMsgBuilder, route, NetlinkSocket};
//!
//! // List the interfaces of this network namespace, as `ip link` does.
//! let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
//! let mut req = NlMsgBuilder::new(route::RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
//! req.push_struct(&route::IfInfoMsg::default().to_bytes());
//! let mut names = Vec::new();
//! nl.dump(req, |msg| {
//!     if let Some(name) = route::IfInfoMsg::attrs(msg.payload).find(|a| a.ty == route::IFLA_IFNAME) {
//!         names.push(name.as_str()?.to_owned());
//!     }
//!     Ok(())
//! })?;
//! assert!(names.iter().any(|n| n == "lo"));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decision: there is no `(u32, u32)` tuple form for addresses, because vsock's `(cid, port)`
//! has the same shape; write `NetlinkAddr::new(pid, groups)`.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `netlink` feature.

mod addr;
pub mod consts;
pub mod msg;
pub mod route;
mod socket;

pub use addr::NetlinkAddr;
pub use consts::*;
pub use socket::NetlinkSocket;
