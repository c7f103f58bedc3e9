//! `sock`: everything Python's `socket` module gives, for Rust on Linux.
//!
//! ```
//! use sock::consts::{AF_INET, SOCK_DGRAM};
//!
//! fn main() -> std::io::Result<()> {
//!     // Python: s = socket.socket(AF_INET, SOCK_DGRAM, 0); s.settimeout(2.0)
//!     let s = sock::socket(AF_INET, SOCK_DGRAM, 0)?;
//!     s.set_timeout_secs(2.0)?;
//!     s.bind(("127.0.0.1", 0))?;
//!     let addr = s.local_addr()?; // getsockname()
//!     s.send_to(b"ping", &addr)?;
//!     let (data, sender) = s.recv_from_vec(1024)?; // recvfrom(1024)
//!     println!("got {:?} from {sender}", String::from_utf8_lossy(&data));
//!     # assert_eq!(data, b"ping");
//!     Ok(())
//! }
//! ```
//!
//! One facade over a workspace of per-family crates. The core ([`Socket`], [`SockAddr`],
//! timeouts, ancillary data, options, common constants) is always here; each address family is
//! a feature: `inet`, `unix`, `resolve` (default), `can`, `packet`, `alg`, `vsock`, `bt`,
//! `tipc`, `netlink`, `qipcrtr`, or `full` for all of them (`tokio` / `async-io` add the async
//! layer).
//!
//! - Coming from Python? The [`python`] page maps every name of the `socket` module to its
//!   Rust item, starts with the program above next to its Python original, and lists the
//!   rules (typed constants or CPython's ints, [`MsgFlags`], `set_timeout_secs`,
//!   [`is_timeout`], [`errno`]).
//! - Every constant of the `socket` module is in [`consts`] under its Python name.
//! - Every module-level function is here under its Python name in snake case
//!   ([`socketpair`], [`getdefaulttimeout`], [`cmsg_len`] for `CMSG_LEN` ...).
//! - [`Addr`] decodes any raw address the way CPython's `makesockaddr` does.
//! - `use sock::prelude::*;` brings every type and trait a program needs ([`prelude`]).
//! - Every family crate has the same shape — [`FamilyAddr`] addresses, [`ProtocolSocket`]
//!   typed sockets with the verbs `new`/`bound`/`connected` — listed in
//!   [`sock_core`'s table of verbs](crate::core#the-family-contract).
//! - Errors are `std::io::Error`; setup calls say what failed on what
//!   (`bind 127.0.0.1:80: Permission denied (EACCES)`, see [`ErrorContext`]).
//!
//! ```
//! let (a, b) = sock::socketpair()?;
//! a.set_timeout_secs(2.0)?;
//! b.send_all(b"hello from Rust")?;
//! assert_eq!(a.recv_vec(64)?, b"hello from Rust");
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Interop with std, socket2 and raw fds
//!
//! A [`Socket`] converts with `From`/`Into` to and from the standard library's socket types
//! (`std::net::{TcpStream, TcpListener, UdpSocket}`, `std::os::unix::net::{UnixStream,
//! UnixListener, UnixDatagram}`), `socket2::Socket` and `OwnedFd`; it is `AsFd`, `AsRawFd`
//! and `IntoRawFd`. Conversions from another type read family, type and protocol from the
//! kernel; [`Socket::from_fd`] does the same and reports a non-socket fd as `ENOTSOCK`.
//!
//! ```
//! use std::os::fd::OwnedFd;
//! use sock::{Family, Socket, Type};
//!
//! // std -> sock: the family and type come from the kernel.
//! let std_udp = std::net::UdpSocket::bind("127.0.0.1:0")?;
//! let udp = Socket::from(std_udp);
//! assert_eq!((udp.family(), udp.ty()), (Family::INET, Type::DGRAM));
//!
//! // sock -> std: one fd, handed over (a blocking socket stays blocking).
//! let back: std::net::UdpSocket = udp.into();
//! assert!(back.local_addr()?.ip().is_loopback());
//!
//! // Unix domain sockets, both ways.
//! let (a, b) = std::os::unix::net::UnixStream::pair()?;
//! let a = Socket::from(a);
//! a.send_all(b"to std")?;
//! let mut buf = [0u8; 6];
//! std::io::Read::read_exact(&mut &b, &mut buf)?;
//! assert_eq!(&buf, b"to std");
//! let _stream: std::os::unix::net::UnixStream = a.into();
//!
//! // socket2 and owned fds.
//! let s2 = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
//! let tcp = Socket::from(s2);
//! assert_eq!(tcp.ty(), Type::STREAM);
//! let fd: OwnedFd = tcp.into();
//! let again = Socket::from_fd(fd)?;
//! let _s2: socket2::Socket = again.into();
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Examples
//!
//! Runnable programs, by family (each `cargo run` line works from the workspace root):
//!
//! | Family | Example | What it does | Run it |
//! |---|---|---|---|
//! | all | `facade/examples/tour.rs` | a tour of every family the running kernel offers, one short real exchange each, printed as a table | `cargo run --example tour` |
//! | INET | `crates/sock-inet/examples/echo_server_v4.rs` | the spec's first echo server (IPv4) | `cargo run -p sock-inet --example echo_server_v4 [PORT]` |
//! | INET | `crates/sock-inet/examples/echo_client_v4.rs` | the spec's first echo client (IPv4) | `cargo run -p sock-inet --example echo_client_v4 [HOST [PORT]]` |
//! | INET | `crates/sock-inet/examples/echo_server_dual.rs` | the spec's IPv4/IPv6 echo server (first passive `getaddrinfo` family) | `cargo run -p sock-inet --example echo_server_dual [PORT]` |
//! | INET | `crates/sock-inet/examples/echo_client_dual.rs` | the spec's IPv4/IPv6 echo client (tries every resolved address) | `cargo run -p sock-inet --example echo_client_dual [HOST [PORT]]` |
//! | INET (tokio) | `crates/sock-inet/examples/async_echo_server.rs` | a tokio TCP echo server | `cargo run -p sock-inet --features tokio --example async_echo_server -- --count 2` |
//! | CAN | `crates/sock-can/examples/candump.rs` | the CAN example of Python's docs: print, echo back, send a frame | `cargo run -p sock-can --example candump -- vcan0 [COUNT]` |
//! | CAN | `crates/sock-can/examples/cansend.rs` | send one frame in can-utils' text form (`123#DEADBEEF`) | `cargo run -p sock-can --example cansend -- vcan0 123#DEADBEEF` |
//! | CAN (tokio) | `crates/sock-can/examples/async_candump.rs` | an async `candump -L` with kernel timestamps | `cargo run -p sock-can --features tokio --example async_candump -- vcan0` |
//! | NETLINK (tokio) | `crates/sock-netlink/examples/async_link_monitor.rs` | `ip monitor link`: link events as a `Stream` | `cargo run -p sock-netlink --features tokio --example async_link_monitor [COUNT]` |

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
    BatchMsg, ErrorContext, Family, FamilyAddr, IfName, Interface, IntoProtocol, MacAddr, Mode, MsgFlags, OptValue,
    OutMsg, Pod, Protocol, ProtocolSocket, RecvBatch, RecvMeta, RecvMsg, RecvMsgOwned, SendBatch, Shutdown, SockAddr,
    SockOpt, SockRef, Socket, SocketKind, SocketOwner, SplicePipe, ToSockAddr, Type, DEFAULT_BACKLOG,
    GETSOCKOPT_MAX_BUFLEN, SOCKADDR_MAX,
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
