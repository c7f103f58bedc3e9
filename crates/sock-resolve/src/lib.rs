//! Name resolution: `getaddrinfo`, `getnameinfo`, `gethostby*`, services, protocols and
//! interface names — the name functions of CPython's `socket` module, under their Python names.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade (feature `resolve`,
//! on by default), which re-exports these functions at its root (`sock::getaddrinfo`) and
//! this crate as `sock::resolve`.
//!
//! Resolve a numeric host and port for a TCP connection, connect to it, and turn the peer's
//! address back into text — all without asking DNS:
//!
//! ```
//! use sock::consts::{AI_NUMERICHOST, NI_NUMERICHOST, NI_NUMERICSERV, SOCK_STREAM};
//! use sock::Socket;
//!
//! let server = sock::create_server(("127.0.0.1", 0), &sock::ServerOptions::new())?;
//! let port = server.local_addr()?.as_socket().unwrap().port();
//!
//! // Python: socket.getaddrinfo("127.0.0.1", port, 0, SOCK_STREAM, 0, AI_NUMERICHOST)
//! let infos = sock::getaddrinfo(Some("127.0.0.1"), port, 0, SOCK_STREAM, 0, AI_NUMERICHOST)?;
//! let ai = &infos[0];
//! let client = Socket::new(ai.family, ai.ty, ai.protocol)?;
//! client.connect(ai.addr)?;
//!
//! let (_conn, peer) = server.accept()?;
//! let (host, service) = sock::getnameinfo(peer.as_socket().unwrap(), NI_NUMERICHOST | NI_NUMERICSERV)?;
//! assert_eq!(host, "127.0.0.1");
//! assert_eq!(service, client.local_addr()?.as_socket().unwrap().port().to_string());
//!
//! // Errors say what failed, on what; the resolver's code stays reachable.
//! let err = sock::getaddrinfo(Some("localhost"), 80, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
//! assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
//! assert_eq!(err.to_string(), "getaddrinfo localhost:80: Name or service not known (EAI_NONAME)");
//! assert_eq!(sock::ResolveError::from_io(&err).unwrap().code(), sock::consts::EAI_NONAME);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Decisions
//!
//! - Results are `std::net::SocketAddr`; IPv6 results keep flowinfo and scope id.
//!   [`AddrInfo`]'s family, type and protocol are sock's typed [`Family`](sock_core::Family),
//!   [`Type`](sock_core::Type) and [`Protocol`](sock_core::Protocol), so they go straight to
//!   `Socket::new`; [`getprotobyname`] returns a `Protocol` too.
//! - Every call is thread-safe: `getaddrinfo`/`getnameinfo` are, and the host, service and
//!   protocol databases are read with glibc's reentrant `*_r` functions (buffers grow on
//!   `ERANGE`).
//! - A numeric host (an IP literal, with or without a `%scope` suffix) never reaches NSS: the
//!   common cases are answered directly without calling libc at all, and the rest are passed
//!   to libc with `AI_NUMERICHOST` added.
//! - One error story: every function returns [`std::io::Result`]. A resolver failure
//!   (Python's `gaierror`/`herror`) is a typed [`ResolveError`] — the `EAI_*` or `h_errno`
//!   code and libc's message — inside the `io::Error`, behind a
//!   [`sock::ErrorContext`](sock_core::ErrorContext) naming the operation and what it looked
//!   up: `getaddrinfo nosuch.invalid:80: Name or service not known (EAI_NONAME)`,
//!   `gethostbyaddr 192.0.2.1: Unknown host (HOST_NOT_FOUND)`, `if_nametoindex eth9: no such
//!   interface (ENODEV)`. The `io::ErrorKind` fits the code (`NotFound` for unknown names and
//!   services, `InvalidInput` for refused requests, `OutOfMemory`, `Other` for temporary and
//!   other failures; the table is on [`ResolveError`]); [`ResolveError::from_io`] gives the
//!   typed error back. `EAI_SYSTEM` is the OS error behind it, read with
//!   [`sock::errno`](sock_core::errno).
//! - Caller mistakes are `InvalidInput` errors naming the argument, found before libc is
//!   called: a NUL character in any name (host, service, protocol, interface, host name;
//!   CPython's "embedded null character" `ValueError`, where C would silently cut the name
//!   short), an IPv6 flowinfo over 20 bits. Those of `getaddrinfo` and `getnameinfo` carry a
//!   [`ResolveError`] of class [`ResolveErrorClass::InvalidArgument`] too.
//! - Python's integer/string `port` argument is [`Service`]: a `u16`, a `&str` (service name
//!   or digits) or `None`. Family, type and protocol take the raw `c_int`s Python passes
//!   (0 meaning "any") or the typed values. The `AI_*`/`NI_*` flags stay plain `c_int`s: a
//!   typed flag set for two arguments would copy sock-core's `MsgFlags` machinery.
//! - Host names are passed to libc as they are (UTF-8). CPython IDNA-encodes non-ASCII names
//!   first; here, encode them yourself (or let glibc do it with its `AI_IDN` flag, 0x40).
//! - Integer types: ports are `u16`, interface indexes `u32` (`if_nametoindex`,
//!   `if_nameindex`, IPv6 scope ids), as everywhere in sock.

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addrinfo;
        pub mod consts;
        mod error;
        mod hostdb;
        mod hostname;
        mod iface;
        mod nameinfo;
        mod netdb;
        mod numeric;
        mod service;
        mod sys;

        pub use addrinfo::{getaddrinfo, AddrInfo};
        pub use error::{ResolveError, ResolveErrorClass};
        pub use hostdb::{gethostbyaddr, gethostbyname, gethostbyname_ex, getfqdn, HostEnt};
        pub use hostname::{gethostname, sethostname};
        pub use iface::{if_indextoname, if_nameindex, if_nametoindex};
        pub use nameinfo::getnameinfo;
        pub use netdb::{getprotobyname, getservbyname, getservbyport};
        pub use service::Service;
    } else {
        compile_error!("sock-resolve supports Linux only for now");
    }
}
