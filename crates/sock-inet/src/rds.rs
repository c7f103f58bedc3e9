//! AF_RDS (Reliable Datagram Sockets) and MPTCP sockets: constructors only, since both use
//! this crate's addresses and the core socket methods unchanged.
//!
//! RDS addresses are IPv4 `sockaddr_in`s: bind and send with `SocketAddrV4` (or `(host,
//! port)`, which an RDS socket resolves like an AF_INET one) and decode `recv_from`
//! addresses with [`decode`](crate::decode). An RDS socket must be bound to a local IP
//! address (not `0.0.0.0`) before it can send. The `rds` and `rds_tcp` kernel modules carry
//! it; without them `socket()` fails with `EAFNOSUPPORT`.

use std::io;

use sock_core::{Family, Protocol, Socket, Type};

/// `socket.socket(AF_RDS, SOCK_SEQPACKET, 0)`.
///
/// ```no_run
/// // no_run: the host running the doctests may lack the rds module.
/// let s = sock::inet::rds_socket()?;
/// s.bind(("127.0.0.1", 4000))?;
/// s.send_to(b"hello", ("127.0.0.1", 4001))?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn rds_socket() -> io::Result<Socket> {
    Socket::new(Family::RDS, Type::SEQPACKET, None)
}

/// `socket.socket(family, SOCK_STREAM, IPPROTO_MPTCP)`: a Multipath TCP socket, used like a
/// TCP one (`EPROTONOSUPPORT`/`ENOPROTOOPT` when the kernel has MPTCP disabled).
///
/// ```
/// match sock::inet::mptcp_socket(sock::Family::INET) {
///     Ok(s) => assert_eq!(s.protocol(), sock::Protocol::MPTCP),
///     Err(e) => println!("MPTCP is off here: {e}"),
/// }
/// ```
pub fn mptcp_socket(family: Family) -> io::Result<Socket> {
    Socket::new(family, Type::STREAM, Some(Protocol::MPTCP))
}
