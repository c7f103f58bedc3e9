//! AF_INET, AF_INET6 and AF_RDS: IP addresses, options, `create_connection` and
//! `create_server` — the IP part of CPython's `socket` module.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
//!
//! ```
//! use sock::{Socket, Family, Type};
//! use sock::inet::{create_server, decode, ServerOptions};
//!
//! let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
//! let port = decode(&server.local_addr()?)?.port();
//! let client = Socket::new(Family::INET, Type::STREAM, None)?;
//! client.connect(("localhost", port))?;           // Python's (host, port) tuple
//! let (conn, peer) = server.accept()?;
//! assert_eq!(decode(&peer)?, decode(&client.local_addr()?)?);
//! client.send_all(b"hi")?;
//! assert_eq!(conn.recv_vec(16)?, b"hi");
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Coming from Python
//!
//! | Python | Rust |
//! | --- | --- |
//! | `(host, port)`, `''`, `'<broadcast>'` | `("host", port)` or [`HostPort`], resolved by [`host_address`] |
//! | `(host, port, flowinfo, scope_id)` | [`HostPortV6`] |
//! | a returned INET/INET6/RDS address | `std::net::SocketAddr` from [`decode`] |
//! | `loop.sock_connect`, `open_connection`, `start_server` (asyncio) | `sock_inet::tokio::create_connection`, `sock_inet::tokio::create_server` (and `async_io`), see Async below |
//! | `create_connection`, `create_server`, `has_dualstack_ipv6` | [`create_connection`] + [`ConnectOptions`], [`create_server`] + [`ServerOptions`], [`has_dualstack_ipv6`] |
//! | `inet_aton`, `inet_ntoa`, `inet_pton`, `inet_ntop`, `htons` … | [`inet_aton`], [`inet_ntoa`], [`inet_pton`], [`inet_ntop`], [`htons`] … |
//! | `setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)` | `s.set(opt::TCP_NODELAY, &true)` or [`InetSocketExt::set_tcp_nodelay`] |
//! | `setsockopt(IPPROTO_IP, IP_TTL, 7)` | `s.set(opt::IP_TTL, &7)` or [`InetSocketExt::set_ttl`] |
//! | `IP_ADD_MEMBERSHIP`, `IPV6_JOIN_GROUP`, `TCP_CONGESTION`, `TCP_INFO` | [`InetSocketExt`] |
//! | ancillary `IP_PKTINFO`, `IPV6_HOPLIMIT` … | [`InetCmsg`] |
//! | `socket(AF_RDS, SOCK_SEQPACKET)`, `IPPROTO_MPTCP` | [`rds_socket`], [`mptcp_socket`] |
//! | `IPPROTO_*`, `IP_*`, `IPV6_*`, `TCP_*`, `INADDR_*`, `IPPORT_*`, `RDS_*` … | [`consts`] (re-exported here) |
//!
//! The family contract (`sock_core::family`), in one row of the verbs table:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_INET`/`AF_INET6`/`AF_RDS` (`inet`) | `std::net::SocketAddr` (+ forms `("host", port)`, [`HostPort`], [`HostPortV6`]) | `127.0.0.1:80`, `[fe80::1%2]:80` | none (`Socket` + [`InetSocketExt`]) | `Socket::new(Family::INET, ty, None)`, [`create_connection`], [`create_server`], [`rds_socket`], [`mptcp_socket`] |
//!
//! # Decisions
//!
//! - Addresses are `std::net::SocketAddr`/`SocketAddrV4`/`SocketAddrV6` (Display/FromStr:
//!   `127.0.0.1:80`, `[fe80::1%2]:80`), not a `FamilyAddr` of this crate (the orphan rule
//!   keeps a sock-core trait off a std type, and a newtype would only get in the way);
//!   [`decode`] turns a raw `SockAddr` into one (`InvalidInput` naming what is wrong) and
//!   `SockAddr::from` encodes. AF_RDS uses the same IPv4 addresses.
//! - Python's tuples are accepted by every address-taking method through [`InetForm`]:
//!   `("host", port)`, `(String, port)`, and the named [`HostPort`] / [`HostPortV6`], resolved with
//!   [`host_address`] (`""`, `"<broadcast>"`, literals with `%scope`, names through
//!   `sock-resolve`, first result of the socket's family). The port range is the `u16`
//!   type; [`checked_port`] checks wider integers.
//! - Python's keyword arguments are option structs: [`ConnectOptions`] for
//!   `create_connection`, [`ServerOptions`] for `create_server`.
//! - Options are typed declarations in [`opt`]: on/off options are `SockOpt<bool>`
//!   (`sock.set(opt::TCP_NODELAY, &true)`), the others `SockOpt<c_int>`. Structured ones, and
//!   socket2's typed accessors of the common ones, are methods of the sealed [`InetSocketExt`];
//!   where socket2 already makes the call (multicast join/leave, `TCP_CONGESTION`,
//!   `TCP_NODELAY`, `IP_TTL` ...) it is used, after the checks it leaves out. The `SOL_SOCKET`
//!   options are `Socket`'s own (`sock_core`).
//! - No typed protocol socket: TCP, UDP, RDS and MPTCP sockets are `Socket`s; RDS and MPTCP
//!   have constructors ([`rds_socket`], [`mptcp_socket`]) because they need an unusual family
//!   or protocol.
//! - UDP segmentation offload and receive coalescing: [`InetSocketExt::set_udp_segment`] or the
//!   per-send [`InetCmsg::UdpSegment`] to send many datagrams in one call,
//!   [`InetSocketExt::set_udp_gro`] to receive many in one call, [`gro_segments`] to split
//!   them (zero-copy) with the size from [`gro_segment_size`].
//! - `INADDR_*` and `IPPORT_*` live in [`consts`] here (not in `sock-resolve`).
//! - Platforms: the first group of modules below is portable IP (addresses, forms, text and
//!   byte order, connect/server); the second is Linux-only (options, ancillary data, GSO/GRO,
//!   `TCP_INFO`, RDS, MPTCP). A BSD port adds its own arm to the gate in `lib.rs`.
//!
//! # Async
//!
//! With feature `tokio` or `async-io`, every INET socket works asynchronously as sock-core's
//! `AsyncSocket` (`sock_core::tokio::AsyncSocket`, `sock_core::async_io::AsyncSocket`:
//! `recv`, `send_all`, `accept`, `connect` ...). This crate adds, in one shape for the
//! families without a typed socket (inet, unix, vsock):
//!
//! - generic items over the reactor in `aio` (feature-gated): `aio::create_connection`
//!   (which takes the runtime's sleep function for its one deadline), `aio::create_server`,
//!   and the sealed extension trait `aio::AsyncInetExt` on `Async<Socket, R>` (UDP GSO send
//!   `send_segments`, GRO receive `recv_gro`, typed `recv_from_inet`: the same for RDS);
//! - per-runtime modules `tokio` and `async_io` that bind them to the runtime's timer
//!   (`sock_inet::tokio::create_connection(addr, &options).await`), re-export the trait and
//!   the `AsyncSocket` alias, and (tokio) convert from and to `tokio::net::{TcpStream,
//!   TcpListener, UdpSocket}` through the std types.
//!
//! `create_connection` keeps the synchronous order of attempts and error rules; its
//! `timeout` is one deadline for the whole call, measured by the runtime's timer.
//!
//! ```
//! # #[cfg(feature = "tokio")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use std::time::Duration;
//! use sock::inet::{ConnectOptions, ServerOptions};
//! use sock::inet::tokio::{create_connection, create_server};
//!
//! let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
//! let port = sock::inet::decode(&server.socket().local_addr()?)?.port();
//! let echo = tokio::spawn(async move {
//!     let (conn, _) = server.accept().await?;
//!     let mut buf = [0u8; 64];
//!     let n = conn.recv(&mut buf).await?;
//!     conn.send_all(&buf[..n]).await
//! });
//! let options = ConnectOptions::new().timeout(Some(Duration::from_secs(5)));
//! let client = create_connection(("127.0.0.1", port), &options).await?;
//! client.send_all(b"ping").await?;
//! let mut buf = [0u8; 4];
//! assert_eq!(client.recv(&mut buf).await?, 4);
//! echo.await.expect("echo task")?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "tokio"))]
//! # fn main() {}
//! ```

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        // Portable IP.
        mod addr;
        mod byteorder;
        mod connect;
        mod form;
        mod host;
        mod server;
        mod text;

        pub use addr::decode;
        pub use byteorder::{htonl, htons, ntohl, ntohs};
        pub use connect::{create_connection, ConnectErrors, ConnectOptions};
        pub use form::{HostPort, HostPortV6, InetForm};
        pub use host::{checked_port, host_address, FLOWINFO_MAX};
        pub use server::{create_server, has_dualstack_ipv6, ServerOptions};
        pub use text::{inet_aton, inet_ntoa, inet_ntop, inet_pton};

        // Linux: the uapi constants and options, ancillary data, GSO/GRO, TCP_INFO, RDS, MPTCP.
        mod cmsg;
        pub mod consts;
        mod ext;
        mod gso;
        mod options;
        mod rds;
        mod tcp_info;

        pub use cmsg::InetCmsg;
        pub use consts::*;
        pub use ext::InetSocketExt;
        pub use gso::{checked_segment_size, gro_segment_size, gro_segments, GroSegments};
        pub use options::opt;
        pub use rds::{mptcp_socket, rds_socket};
        pub use tcp_info::TcpInfo;

        /// Every constant of [`consts`] as `(name, value)`, in declaration order: for tables,
        /// and for comparing with Python's `socket` module.
        pub const CONSTANTS: &[(&str, i64)] = consts::TABLE;

        // Async (features `tokio`, `async-io`).
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;
        #[cfg(feature = "async-io")]
        pub mod async_io;
        #[cfg(feature = "tokio")]
        pub mod tokio;
    } else {
        compile_error!("sock-inet supports Linux only for now (see the Platforms decision in lib.rs)");
    }
}
