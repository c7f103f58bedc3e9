//! AF_NETLINK: messaging between programs and the kernel (routing, links, addresses, audit,
//! uevents, generic netlink...).
//!
//! - [`NetlinkAddr`] is CPython's `(pid, groups)` address, with the text form `pid:groups`
//!   (`1234:0x11`), a [`FamilyAddr`](sock_core::FamilyAddr).
//! - [`consts`] holds the `NETLINK_*` protocol and option numbers under their Python names, plus
//!   the message flags and types (`NLM_F_*`, `NLMSG_*`) of `<linux/netlink.h>`.
//! - [`msg`] encodes and decodes netlink messages and attributes: [`msg::NlMsgBuilder`] builds a
//!   request, [`msg::NlMsgIter`] walks a received buffer, [`msg::NlAttrIter`] walks attributes.
//!   All of them are bounds-checked and never panic on kernel or peer input.
//! - [`NetlinkSocket`] wraps a [`sock_core::Socket`] with the usual chores: group membership,
//!   request/acknowledge and dumps. It is a [`ProtocolSocket`](sock_core::ProtocolSocket):
//!   [`NetlinkSocket::new`] only makes the socket, [`NetlinkSocket::bound`] also binds it,
//!   `TryFrom<Socket>` checks an existing one; its options are in [`options`].
//! - [`route`] is rtnetlink: decoded [`route::Link`], [`route::Address`], [`route::Route`] and
//!   [`route::Neighbour`] messages with their dumps (`ip link`, `ip addr`, `ip route`, `ip
//!   neigh`), the family headers (`ifinfomsg`...), [`route::MacAddr`], the names `ip` prints
//!   ([`route::OperState`], [`route::LinkFlags`]...) and the documented `RTM_*`/`IFLA_*`/...
//!   numbers. [`msg::NlAttr`] reads attribute values as `IpAddr`, MAC address, string, `u8`
//!   to `u64`, host or network order.
//! - A request the kernel refuses is an error that names the request and keeps the errno:
//!   `RTM_NEWADDR: Operation not permitted (EPERM)` (`sock::errno(&e) == Some(EPERM)`).
//!
//! List the interfaces of this network namespace, as `ip -br link` does:
//!
//! ```
//! use sock::netlink::{consts::NETLINK_ROUTE, route::Link, NetlinkSocket};
//!
//! let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
//! let links = Link::dump(&nl)?;
//! for link in &links {
//!     let mac = link.mac.map(|m| m.to_string()).unwrap_or_default();
//!     println!("{:<16} {:<14} {mac} <{}> mtu {}", link.name, link.operstate, link.flags, link.mtu);
//! }
//! assert!(links.iter().any(|l| l.name == "lo"));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Coming from Python:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)` | [`NetlinkSocket::new`]`(NETLINK_ROUTE)` or `Socket::new(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)` |
//! | `s.bind((0, groups))` | [`NetlinkSocket::bound`]`(proto, NetlinkAddr::new(0, groups))` |
//! | `(pid, groups)` | [`NetlinkAddr::new`]`(pid, groups)`; returned: `NetlinkAddr::decode(&addr)` |
//! | `s.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, g)` | [`NetlinkSocket::add_membership`]`(g)` |
//! | `NETLINK_*` | [`consts`] (re-exported here) |
//!
//! Verbs-table row of the family contract:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_NETLINK` | [`NetlinkAddr`] | `1234:0x11` | [`NetlinkSocket`] | `NetlinkSocket::new(protocol)`, `NetlinkSocket::bound(protocol, addr)` |
//!
//! Decisions:
//! - There is no `(u32, u32)` tuple form for addresses, because vsock's `(cid, port)` has the
//!   same shape; write `NetlinkAddr::new(pid, groups)`.
//! - `NetlinkSocket::new` does not bind: the kernel binds a netlink socket at its first send,
//!   so requests and dumps need no `bind`; bind explicitly ([`NetlinkSocket::bound`]) to pick
//!   the port id, to subscribe to legacy groups, or to receive any multicast (the kernel's
//!   broadcasts skip unbound sockets, and `add_membership` does not bind).
//! - No `connected` constructor: netlink talks to the kernel with `send_to` pid 0, and
//!   `connect` (a default destination) is the inner socket's method.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `netlink` feature.
//!
//! The async layer (features `tokio`, `async-io`) is described in the `# Async` section of the
//! docs built with either feature.
#![cfg_attr(any(feature = "tokio", feature = "async-io"), doc = include_str!("async.md"))]

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod attr;
        pub mod cmsg;
        pub mod consts;
        mod error;
        pub mod msg;
        pub mod options;
        pub mod route;
        mod socket;
        mod text;

        pub use addr::NetlinkAddr;
        pub use consts::*;
        pub use socket::NetlinkSocket;

        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;

        /// The async netlink socket on tokio (feature `tokio`).
        #[cfg(feature = "tokio")]
        pub mod tokio {
            /// A [`NetlinkSocket`](crate::NetlinkSocket) registered with tokio's reactor.
            ///
            /// ```
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, tokio::AsyncNetlinkSocket};
            /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
            /// let mut links = nl.dump(Link::dump_request()).await?;
            /// let first = links.next().await.expect("one link at least")?;
            /// assert!(Link::parse(&first.as_msg())?.index > 0);
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncNetlinkSocket = crate::aio::AsyncNetlinkSocket<sock_core::tokio::Reactor<crate::NetlinkSocket>>;
        }

        /// The async netlink socket on async-io (feature `async-io`).
        #[cfg(feature = "async-io")]
        pub mod async_io {
            /// A [`NetlinkSocket`](crate::NetlinkSocket) registered with async-io's reactor.
            ///
            /// ```
            /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, async_io::AsyncNetlinkSocket};
            /// async_io::block_on(async {
            ///     let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
            ///     let mut links = nl.dump(Link::dump_request()).await?;
            ///     let first = links.next().await.expect("one link at least")?;
            ///     assert!(Link::parse(&first.as_msg())?.index > 0);
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncNetlinkSocket =
                crate::aio::AsyncNetlinkSocket<sock_core::async_io::Reactor<crate::NetlinkSocket>>;
        }
    } else {
        compile_error!("sock-netlink supports Linux only");
    }
}
