//! AF_INET, AF_INET6 and AF_RDS: IP addresses, options, `create_connection` and
//! `create_server` — the IP part of CPython's `socket` module.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade (feature `inet`),
//! which re-exports the Python-named functions at its root (`sock::create_connection`) and this
//! crate as `sock::inet`.
//!
//! A TCP echo over loopback, as the Python documentation writes it with `create_server` and
//! `create_connection`:
//!
//! ```
//! use std::time::Duration;
//! use sock::inet::{create_connection, create_server, ConnectOptions, InetSocketExt, ServerOptions};
//!
//! // Server: socket.create_server(("127.0.0.1", 0))
//! let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
//! let port = sock::inet::decode(&server.local_addr()?)?.port();
//! let echo = std::thread::spawn(move || -> std::io::Result<()> {
//!     let (conn, _peer) = server.accept()?;
//!     loop {
//!         let data = conn.recv_vec(1024)?;
//!         if data.is_empty() {
//!             return Ok(());
//!         }
//!         conn.send_all(&data)?;
//!     }
//! });
//!
//! // Client: socket.create_connection(("localhost", port), timeout=5)
//! let options = ConnectOptions::new().timeout(Some(Duration::from_secs(5)));
//! let client = create_connection(("localhost", port), &options)?;
//! client.set_tcp_nodelay(true)?;
//! client.send_all(b"Hello, world")?;
//! let mut got = Vec::new();
//! while got.len() < 12 {
//!     got.extend(client.recv_vec(1024)?);
//! }
//! assert_eq!(got, b"Hello, world");
//! client.shutdown(sock::Shutdown::Write)?;
//! echo.join().expect("echo thread")?;
//!
//! // Errors say what failed, on what, and keep the OS error's kind and code.
//! let refused = create_connection(("127.0.0.1", port), &ConnectOptions::new()).unwrap_err();
//! assert_eq!(refused.kind(), std::io::ErrorKind::ConnectionRefused);
//! assert_eq!(sock::errno(&refused), Some(libc::ECONNREFUSED));
//! assert_eq!(refused.to_string(), format!("create_connection 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
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
//! | `loop.sock_connect`, `open_connection`, `start_server` (asyncio) | `sock::inet::tokio::create_connection`, `sock::inet::tokio::create_server` (and `async_io`), see Async below |
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
//! - UDP segmentation offload and receive coalescing: [`GsoSender`] to send one buffer as many
//!   datagrams with a probe once and a fallback (the rules below); underneath,
//!   [`InetSocketExt::set_udp_segment`] or the per-send [`InetCmsg::UdpSegment`] to send many
//!   datagrams in one call, [`InetSocketExt::set_udp_gro`] and
//!   [`InetSocketExt::recv_gro`] to receive many in one call, [`gro_segments`] to split them
//!   (zero-copy) with the size from [`gro_segment_size`]. Zero-copy sends:
//!   [`ZeroCopySender`]. Socket-to-socket relays with `splice(2)` are sock-core's
//!   (`sock::SplicePipe`, `Socket::relay_to`).
//! - `INADDR_*` and `IPPORT_*` live in [`consts`] here (not in `sock-resolve`).
//! - Errors say what failed, on what (sock-core's `ErrorContext`), keeping the OS error's
//!   kind and code ([`sock::errno`](sock_core::errno) reads it): [`create_connection`] names
//!   the `host:port` it was asked for (`create_connection localhost:8080 ([::1]:8080):
//!   Connection refused (ECONNREFUSED)`), resolution errors are getaddrinfo's naming the host,
//!   binds name the address (`bind 127.0.0.1:80: ...`), multicast calls name the group and the
//!   interface (`join_multicast_v4 239.1.2.3 on #2: ...`), options set by name name the value
//!   (`set_tcp_congestion bbr9: no such congestion control algorithm (ENOENT)`), and the text
//!   functions name the text and family (`inet_pton AF_INET "1.2.3": illegal IP address
//!   string`). The data path (send/receive) passes OS errors through untouched.
//! - Integer types: ports are `u16`, interface indexes and IPv6 scope ids `u32` everywhere
//!   (checked to fit the kernel's `int` where the kernel takes one), families [`Family`](sock_core::Family)
//!   (`inet_pton`/`inet_ntop` also take CPython's `AF_*` integers), flags `MsgFlags`. Segment
//!   sizes are `u16` where they are the kernel's value (the `UDP_SEGMENT` option, the
//!   [`InetCmsg`] items) and `usize` where they measure a buffer ([`gro_segments`],
//!   `send_segments`), with [`checked_segment_size`] between them. TTLs and hop limits are the
//!   kernel's `int` in the ancillary items (`-1` means "the default" when sending) and socket2's
//!   `u32` in the [`InetSocketExt`] accessors.
//! - Platforms: the first group of modules below is portable IP (addresses, forms, text and
//!   byte order, connect/server); the second is Linux-only (options, ancillary data, GSO/GRO,
//!   `TCP_INFO`, RDS, MPTCP). A BSD port adds its own arm to the gate in `lib.rs`.
//!
//! # Offloads: UDP GSO and GRO, zero-copy, splice
//!
//! The rules [`GsoSender`] follows (and the async `aio::AsyncGsoSender`, which runs the same
//! decisions, the same code):
//!
//! 1. **Probe once per socket**, at [`GsoSender::new`]: the kernel version (`uname`: 4.18 has
//!    `UDP_SEGMENT`; 6.10 raised the segments per send from 64 to 128) and the `UDP_SEGMENT`
//!    option itself (read, then set to the value it has, so the socket is unchanged). A
//!    refusal (`ENOPROTOOPT` on old kernels, or a seccomp policy) means
//!    [`GsoSupport::KernelLacks`]: plain sends from the start. The answer is kept in the
//!    sender ([`GsoSender::support`]).
//! 2. **Split to the kernel's limits**: one `sendmsg` carries at most 64 (128) segments and
//!    [`UDP_MAX_PAYLOAD`] bytes; a short last segment rides along only at the end of the
//!    buffer; a single datagram goes as a plain send. Any buffer length works.
//! 3. **Fall back on refusal**: a path may take the option and still refuse the send: `EIO`
//!    (UDP-Lite, IPsec; before Linux 6.11 also a device without checksum offload, as after
//!    `ethtool -K dev tx off`), `EINVAL` (UDP checksums off: `SO_NO_CHECK`,
//!    `UDP_NO_CHECK6_TX`; on older kernels a segment over the path MTU) or `EMSGSIZE` (a
//!    segment over the path MTU on recent kernels). The same bytes then go as plain
//!    datagrams, and once those went the sender stays with plain sends
//!    ([`GsoSupport::SendRefused`]); if the plain sends fail too, their error is returned and
//!    nothing is remembered. An `EINVAL` of a send of more than 64 segments first retries
//!    with 64 (a kernel whose version overstates its limit). A device without UDP
//!    segmentation offload (`tx-udp-segmentation off`) is no refusal: the stack segments in
//!    software, still far cheaper than one send per datagram. [`GsoStats`] counts what
//!    happened.
//! 4. **Partial progress**: an error after some datagrams left returns the bytes sent (a
//!    multiple of the segment size); in timeout mode one deadline spans every send of a call.
//!    Do not set the `UDP_SEGMENT` option on a sender's socket: the plain sends of the
//!    fallback would be segmented by it.
//! 5. **Receiving**: [`InetSocketExt::recv_gro`] with a [`GRO_BUFFER_LEN`] buffer; the control
//!    buffer is [`GRO_CONTROL_LEN`] bytes, room for the GRO item and every other item a UDP
//!    socket can ask for (both timestamps, TOS/TCLASS, PKTINFO, TTL/HOPLIMIT, of both IP
//!    versions). A control buffer so small that the GRO item was cut is `InvalidData`, never
//!    a batch passed off as one datagram.
//!
//! Zero-copy ([`ZeroCopySender`]): `SO_ZEROCOPY` on, sends with `MsgFlags::ZEROCOPY`, typed
//! [`ZeroCopyCompletion`]s from the error queue (a `DecodeCmsg`), and **a buffer must not
//! change until its send completed** ([`ZeroCopySender::send_all`] waits for that).
//!
//! When they help, as measured by `benches/src/bin/offload_probe.rs` (1 GiB over loopback
//! per run, the two variants of a pair alternating, 5 runs each; median (min–max) in GiB/s,
//! on a 2-core VM shared with other work, Linux 6.18):
//!
//! | pair | copying | offload | verdict |
//! | --- | --- | --- | --- |
//! | TCP: 1 MiB `send`s vs `MSG_ZEROCOPY` | 4.43 (3.85–4.73) | 1.68 (1.62–1.81) | zero-copy **loses** on loopback: the kernel copies anyway when the data reaches the local receiver (every completion says `copied`), and pinning pages and reading notifications come on top. It can pay off only towards a real NIC with scatter-gather, for sends of ≳ 10 KB; never for small writes. |
//! | UDP: 1400-byte `send`s vs [`GsoSender`] (46 segments per send) | 0.75 (0.63–0.80) | 4.87 (2.94–7.29) | GSO **wins** by 6×: one syscall and one trip through the stack per 46 datagrams (the receiver uses GRO, which takes loopback GSO packets whole; nothing was lost). Small datagrams sent one at a time gain nothing from it. |
//! | relay: `recv` + `send_all` (1 MiB buffer) vs `splice` | 1.18 (1.07–1.36) | 1.02 (0.99–1.27) | `splice` does **not** win between loopback TCP sockets (the ranges overlap, its median is 14 % lower): socket pages cannot simply move into a pipe, so the kernel copies into the pipe and out of it. It saves the user-space buffer and its cache footprint, not copies. |
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
//!   (`sock::inet::tokio::create_connection(addr, &options).await`), re-export the trait and
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
        mod gso_sender;
        mod options;
        mod rds;
        mod tcp_info;
        mod zerocopy;

        pub use cmsg::InetCmsg;
        pub use consts::*;
        pub use ext::InetSocketExt;
        pub use gso::{
            checked_segment_size, gro_segment_size, gro_segments, GroMsg, GroSegments, GRO_BUFFER_LEN, GRO_CONTROL_LEN,
        };
        pub use gso_sender::{GsoSender, GsoStats, GsoSupport, UDP_MAX_PAYLOAD, UDP_MAX_SEGMENTS_OLD};
        pub use options::opt;
        pub use rds::{mptcp_socket, rds_socket};
        pub use tcp_info::TcpInfo;
        pub use zerocopy::{
            ZeroCopyCompletion, ZeroCopyReport, ZeroCopySend, ZeroCopySender, ZeroCopyStats, SO_EE_CODE_ZEROCOPY_COPIED,
            SO_EE_ORIGIN_ZEROCOPY,
        };

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
