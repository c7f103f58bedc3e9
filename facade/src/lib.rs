//! `sock`: everything Python's `socket` module gives, for Rust on Linux.
//!
//! One facade over a workspace of per-family crates. The core ([`Socket`], [`SockAddr`],
//! timeouts, ancillary data, options, common constants) is always here; each address family is
//! a feature: `inet`, `unix`, `resolve` (default), `can`, `packet`, `alg`, `vsock`, `bt`,
//! `tipc`, `netlink`, `qipcrtr`, or `full` for all of them.
//!
//! - Every constant of the `socket` module is in [`consts`] under its Python name.
//! - Every module-level function is here under its Python name in snake case
//!   ([`socketpair`], [`getdefaulttimeout`], [`cmsg_len`] for `CMSG_LEN` ...).
//! - [`Addr`] decodes any raw address the way CPython's `makesockaddr` does.
//! - `use sock::prelude::*;` brings every type and trait a program needs ([`prelude`]).
//! - Every family crate has the same shape — [`FamilyAddr`] addresses, [`ProtocolSocket`]
//!   typed sockets with the verbs `new`/`bound`/`connected` — listed in
//!   [`sock_core`'s table of verbs](crate::core#the-family-contract).
//! - The [`python`] page maps every name of the `socket` module to its Rust item.
//!
//! ```
//! use std::time::Duration;
//!
//! let (a, b) = sock::socketpair()?;
//! a.set_timeout(Some(Duration::from_secs(2)))?;
//! b.send_all(b"hello from Rust")?;
//! assert_eq!(a.recv_vec(64)?, b"hello from Rust");
//! # Ok::<(), std::io::Error>(())
//! ```

mod addr;
pub mod consts;
mod functions;
pub mod prelude;

#[doc = include_str!("python/intro.md")]
#[cfg_attr(feature = "resolve", doc = include_str!("python/resolve.md"))]
#[cfg_attr(feature = "inet", doc = include_str!("python/inet.md"))]
#[cfg_attr(feature = "can", doc = include_str!("python/can.md"))]
#[cfg_attr(feature = "unix", doc = include_str!("python/unix.md"))]
#[cfg_attr(feature = "alg", doc = include_str!("python/alg.md"))]
#[cfg_attr(feature = "packet", doc = include_str!("python/packet.md"))]
#[cfg_attr(feature = "netlink", doc = include_str!("python/netlink.md"))]
#[cfg_attr(feature = "qipcrtr", doc = include_str!("python/qipcrtr.md"))]
#[cfg_attr(feature = "vsock", doc = include_str!("python/vsock.md"))]
#[cfg_attr(feature = "bt", doc = include_str!("python/bt.md"))]
#[cfg_attr(feature = "tipc", doc = include_str!("python/tipc.md"))]
#[cfg_attr(any(feature = "tokio", feature = "async-io"), doc = include_str!("python/asyncio.md"))]
#[cfg_attr(all(feature = "can", any(feature = "tokio", feature = "async-io")), doc = include_str!("python/async_can.md"))]
#[cfg_attr(all(feature = "inet", feature = "unix", feature = "vsock", any(feature = "tokio", feature = "async-io")), doc = include_str!("python/async_inet_unix_vsock.md"))]
#[cfg_attr(all(feature = "bt", feature = "tipc", any(feature = "tokio", feature = "async-io")), doc = include_str!("python/async_bt_tipc.md"))]
#[cfg_attr(all(feature = "alg", feature = "netlink", feature = "packet", feature = "qipcrtr", any(feature = "tokio", feature = "async-io")), doc = include_str!("python/async_alg_netlink_packet_qipcrtr.md"))]
#[doc = include_str!("python/not_applicable.md")]
pub mod python {}

pub use addr::Addr;
pub use functions::*;
pub use sock_core::cmsg;
pub use sock_core::pod;
pub use sock_core::text;

#[cfg(any(feature = "tokio", feature = "async-io"))]
pub use sock_core::aio;
#[cfg(feature = "async-io")]
pub use sock_core::async_io;
#[cfg(feature = "tokio")]
pub use sock_core::tokio;
pub use sock_core::wait;
pub use sock_core::{
    close, cmsg_len, cmsg_space, errno, errno_name, family_addr, family_name, file_range_end, fromfd, has_ipv6,
    invalid_input, is_timeout, kernel_module, protocol_socket, rights_fds, timed_out, zeroed_vec, AncData, AsOutMsg,
    BatchMsg, ErrorContext, Family, FamilyAddr, IfName, Interface, IntoProtocol, Mode, MsgFlags, OptValue, OutMsg, Pod,
    Protocol, ProtocolSocket, RecvBatch, RecvMsg, RecvMsgOwned, SendBatch, Shutdown, SockAddr, SockOpt, SockRef,
    Socket, SocketKind, SocketOwner, ToSockAddr, Type, DEFAULT_BACKLOG, GETSOCKOPT_MAX_BUFLEN, SOCKADDR_MAX,
};

#[cfg(feature = "alg")]
pub use sock_alg::sendmsg_afalg;
#[cfg(feature = "inet")]
pub use sock_inet::{
    create_connection, create_server, has_dualstack_ipv6, htonl, htons, inet_aton, inet_ntoa, inet_ntop, inet_pton,
    ntohl, ntohs, ConnectErrors, ConnectOptions, ServerOptions,
};
#[cfg(feature = "resolve")]
pub use sock_resolve::{
    getaddrinfo, getfqdn, gethostbyaddr, gethostbyname, gethostbyname_ex, gethostname, getnameinfo, getprotobyname,
    getservbyname, getservbyport, if_indextoname, if_nameindex, if_nametoindex, sethostname, AddrInfo, ResolveError,
    Service,
};
#[cfg(feature = "unix")]
pub use sock_unix::{recv_fds, send_fds};

/// `sock-core`, the crate behind the types above.
pub use sock_core as core;

#[cfg(feature = "alg")]
pub use sock_alg as alg;
#[cfg(feature = "bt")]
pub use sock_bt as bt;
#[cfg(feature = "can")]
pub use sock_can as can;
#[cfg(feature = "inet")]
pub use sock_inet as inet;
#[cfg(feature = "netlink")]
pub use sock_netlink as netlink;
#[cfg(feature = "packet")]
pub use sock_packet as packet;
#[cfg(feature = "qipcrtr")]
pub use sock_qipcrtr as qipcrtr;
#[cfg(feature = "resolve")]
pub use sock_resolve as resolve;
#[cfg(feature = "tipc")]
pub use sock_tipc as tipc;
#[cfg(feature = "unix")]
pub use sock_unix as unix;
#[cfg(feature = "vsock")]
pub use sock_vsock as vsock;
