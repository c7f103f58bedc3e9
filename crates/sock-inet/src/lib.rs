//! AF_INET, AF_INET6 and AF_RDS: IP addresses, options, `create_connection` and
//! `create_server` — the IP part of CPython's `socket` module.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
//!
//! ```
//! use sock_core::{Socket, Family, Type};
//! use sock_inet::{create_server, decode, ServerOptions};
//!
//! let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
//! let port = decode(&server.local_addr()?)?.port();
//! let client = Socket::new(Family::INET, Type::STREAM, None)?;
//! client.connect(("localhost", port))?;           // Python's (host, port) tuple
//! let (conn, peer) = server.accept()?;
//! assert_eq!(decode(&peer)?, decode(&client.local_addr()?)?);
//! client.send_all(b"hi", 0)?;
//! assert_eq!(conn.recv_vec(16, 0)?, b"hi");
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Decisions
//!
//! - Addresses are `std::net::SocketAddr`/`SocketAddrV4`/`SocketAddrV6` (Display/FromStr:
//!   `127.0.0.1:80`, `[fe80::1%2]:80`); [`decode`] turns a raw `SockAddr` into one and
//!   `SockAddr::from` encodes. AF_RDS uses the same IPv4 addresses.
//! - Python's tuples are accepted by every address-taking method through [`InetForm`]:
//!   `("host", port)`, `(String, port)`, `HostPortV6("host", port, flowinfo, scope_id)`, resolved with
//!   [`host_address`] (`""`, `"<broadcast>"`, literals with `%scope`, names through
//!   `sock-resolve`, first result of the socket's family). The port range is the `u16`
//!   type; [`checked_port`] checks wider integers.
//! - Python's keyword arguments are option structs: [`ConnectOptions`] for
//!   `create_connection`, [`ServerOptions`] for `create_server`.
//! - Integer options are typed declarations in [`opt`] (`sock.set(opt::TCP_NODELAY, &1)`);
//!   structured ones are methods of [`InetSocketExt`]; ancillary items are [`InetCmsg`].
//! - UDP segmentation offload and receive coalescing: [`InetSocketExt::set_udp_segment`] or the
//!   per-send [`InetCmsg::UdpSegment`] to send many datagrams in one call,
//!   [`InetSocketExt::set_udp_gro`] to receive many in one call, [`gro_segments`] to split
//!   them (zero-copy) with the size from [`gro_segment_size`].
//! - `INADDR_*` and `IPPORT_*` live in [`consts`] here (not in `sock-resolve`).

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod byteorder;
        mod cmsg;
        mod connect;
        pub mod consts;
        mod form;
        mod gso;
        mod host;
        mod opts;
        mod rds;
        mod server;
        mod tcp_info;
        mod text;

        pub use addr::decode;
        pub use byteorder::{htonl, htons, ntohl, ntohs};
        pub use cmsg::InetCmsg;
        pub use connect::{create_connection, ConnectErrors, ConnectOptions};
        pub use form::{HostPortV6, InetForm};
        pub use gso::{checked_segment_size, gro_segment_size, gro_segments, GroSegments};
        pub use host::{checked_port, host_address, FLOWINFO_MAX};
        pub use opts::{opt, InetSocketExt};
        pub use rds::{mptcp_socket, rds_socket};
        pub use server::{create_server, has_dualstack_ipv6, ServerOptions};
        pub use tcp_info::TcpInfo;
        pub use text::{inet_aton, inet_ntoa, inet_ntop, inet_pton};

        /// Every constant of [`consts`] as `(name, value)`, in declaration order: for tables,
        /// and for comparing with Python's `socket` module.
        pub const CONSTANTS: &[(&str, i64)] = consts::TABLE;
    } else {
        compile_error!("sock-inet supports Linux only for now");
    }
}
