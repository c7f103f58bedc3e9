//! Name resolution: `getaddrinfo`, `getnameinfo`, `gethostby*`, services, protocols and
//! interface names — the name functions of CPython's `socket` module, under their Python names.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
//!
//! ```
//! use sock_resolve::{getaddrinfo, consts::AI_NUMERICHOST};
//! let infos = getaddrinfo(Some("127.0.0.1"), 80, 0, libc::SOCK_STREAM, 0, AI_NUMERICHOST)?;
//! assert_eq!(infos[0].addr, "127.0.0.1:80".parse().unwrap());
//! # Ok::<(), sock_resolve::ResolveError>(())
//! ```
//!
//! # Decisions
//!
//! - Results are `std::net::SocketAddr`; IPv6 results keep flowinfo and scope id.
//! - Every call is thread-safe: `getaddrinfo`/`getnameinfo` are, and the host, service and
//!   protocol databases are read with glibc's reentrant `*_r` functions (buffers grow on
//!   `ERANGE`).
//! - A numeric host (an IP literal, with or without a `%scope` suffix) never reaches NSS: the
//!   common cases are answered directly without calling libc at all, and the rest are passed
//!   to libc with `AI_NUMERICHOST` added.
//! - Resolver failures are a typed [`ResolveError`] (Python's `gaierror`/`herror`) carrying the
//!   `EAI_*` or `h_errno` code and libc's message; it converts into [`std::io::Error`]
//!   (`EAI_SYSTEM` becomes the OS error it carries). Other failures are `io::Error`s directly.
//! - Caller mistakes are `InvalidInput` errors naming the argument, found before libc is
//!   called: a NUL character in any name (host, service, protocol, interface, host name;
//!   CPython's "embedded null character" `ValueError`, where C would silently cut the name
//!   short), an IPv6 flowinfo over 20 bits. The functions that return a [`ResolveError`]
//!   report them as its [`ResolveErrorKind::InvalidArgument`] kind.
//! - Python's integer/string `port` argument is [`Service`]: a `u16`, a `&str` (service name
//!   or digits) or `None`. Family, type, protocol and flags are the raw `c_int`s Python passes
//!   (0 meaning "any"); `sock_core::Family`/`Type`/`Protocol` work too.
//! - Host names are passed to libc as they are (UTF-8). CPython IDNA-encodes non-ASCII names
//!   first; here, encode them yourself (or let glibc do it with its `AI_IDN` flag, 0x40).

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
        pub use error::{ResolveError, ResolveErrorKind};
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
