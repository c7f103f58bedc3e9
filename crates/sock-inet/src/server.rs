//! [`create_server`] and [`has_dualstack_ipv6`].

use std::io;

use sock_core::{context, invalid_input, Family, Socket, Type};

use crate::{HostPort, InetSocketExt};

/// The keyword arguments of `socket.create_server`: `family` (default `AF_INET`), `backlog`
/// (`None`: `listen()`'s default), `reuse_port` and `dualstack_ipv6`.
///
/// ```
/// use sock::inet::{create_server, ServerOptions};
/// use sock::Family;
/// // Python: create_server(("::1", 0), family=AF_INET6, backlog=16, reuse_port=True)
/// let options = ServerOptions::new().family(Family::INET6).backlog(16).reuse_port(true);
/// let server = create_server(("::1", 0), &options)?;
/// assert_eq!(server.family(), Family::INET6);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerOptions {
    /// `family`: `Family::INET` or `Family::INET6`.
    pub family: Family,
    /// `backlog` for `listen`; `None` is `min(SOMAXCONN, 128)`.
    pub backlog: Option<i32>,
    /// `reuse_port`: set `SO_REUSEPORT`.
    pub reuse_port: bool,
    /// `dualstack_ipv6`: accept IPv4 and IPv6 on one `AF_INET6` socket (`IPV6_V6ONLY` 0).
    pub dualstack_ipv6: bool,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions { family: Family::INET, backlog: None, reuse_port: false, dualstack_ipv6: false }
    }
}

impl ServerOptions {
    /// Python's defaults.
    ///
    /// ```
    /// let options = sock::inet::ServerOptions::new();
    /// assert_eq!((options.family, options.backlog), (sock::Family::INET, None));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `family`.
    ///
    /// ```
    /// let options = sock::inet::ServerOptions::new().family(sock::Family::INET6);
    /// assert_eq!(options.family, sock::Family::INET6);
    /// ```
    pub fn family(mut self, family: Family) -> Self {
        self.family = family;
        self
    }

    /// Sets `backlog`.
    ///
    /// ```
    /// assert_eq!(sock::inet::ServerOptions::new().backlog(5).backlog, Some(5));
    /// ```
    pub fn backlog(mut self, backlog: i32) -> Self {
        self.backlog = Some(backlog);
        self
    }

    /// Sets `reuse_port`.
    ///
    /// ```
    /// assert!(sock::inet::ServerOptions::new().reuse_port(true).reuse_port);
    /// ```
    pub fn reuse_port(mut self, on: bool) -> Self {
        self.reuse_port = on;
        self
    }

    /// Sets `dualstack_ipv6`.
    ///
    /// ```
    /// use sock::inet::{create_server, has_dualstack_ipv6, ServerOptions};
    /// if has_dualstack_ipv6() {
    ///     let options = ServerOptions::new().family(sock::Family::INET6).dualstack_ipv6(true);
    ///     let server = create_server(("", 0), &options)?; // accepts IPv4 and IPv6 clients
    ///     # drop(server);
    /// }
    /// let wrong = create_server(("", 0), &ServerOptions::new().dualstack_ipv6(true)).unwrap_err();
    /// assert_eq!(wrong.to_string(), "dualstack_ipv6: dualstack_ipv6 requires AF_INET6 family");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dualstack_ipv6(mut self, on: bool) -> Self {
        self.dualstack_ipv6 = on;
        self
    }
}

/// `socket.create_server(address, *, family, backlog, reuse_port, dualstack_ipv6)`: a
/// `SOCK_STREAM` socket bound to `(host, port)` and listening.
///
/// `SO_REUSEADDR` is set (a failure to set it is ignored, as in CPython); `SO_REUSEPORT`
/// with `reuse_port`; on `AF_INET6`, `IPV6_V6ONLY` is 0 with `dualstack_ipv6` and 1 without.
///
/// Errors: `dualstack_ipv6` without `AF_INET6`, or on a system without dual-stack support, is
/// `InvalidInput` naming `dualstack_ipv6`. The other errors name what failed and keep the OS
/// error's kind, its code read with [`sock::errno`](sock_core::errno): the bind names the
/// address (`bind 127.0.0.1:8080: Address already in use (EADDRINUSE)`, as CPython appends
/// the address to its message), a host name that does not resolve is getaddrinfo's error
/// naming the host, `listen` names the backlog, and the options name themselves
/// (`setsockopt SO_REUSEPORT: ...`).
///
/// ```
/// use sock::inet::{create_server, ServerOptions};
/// let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = sock::inet::decode(&server.local_addr()?)?.port();
/// assert_ne!(port, 0);
/// let taken = create_server(("127.0.0.1", port), &ServerOptions::new()).unwrap_err();
/// assert_eq!(sock::errno(&taken), Some(libc::EADDRINUSE));
/// assert_eq!(taken.to_string(), format!("bind 127.0.0.1:{port}: Address already in use (EADDRINUSE)"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn create_server(address: (&str, u16), options: &ServerOptions) -> io::Result<Socket> {
    if options.dualstack_ipv6 {
        if options.family != Family::INET6 {
            return Err(invalid_input("dualstack_ipv6", "dualstack_ipv6 requires AF_INET6 family"));
        }
        if !has_dualstack_ipv6() {
            return Err(invalid_input("dualstack_ipv6", "dualstack_ipv6 not supported on this platform"));
        }
    }
    let sock = Socket::new(options.family, Type::STREAM, None)?;
    let _ = sock.set_reuse_addr(true);
    if options.reuse_port {
        sock.set_reuse_port(true).map_err(|e| context(e, "setsockopt", "SO_REUSEPORT"))?;
    }
    if options.family == Family::INET6 {
        sock.set_only_v6(!options.dualstack_ipv6).map_err(|e| context(e, "setsockopt", "IPV6_V6ONLY"))?;
    }
    sock.bind(HostPort(address.0, address.1))?;
    sock.listen(options.backlog)?;
    Ok(sock)
}

/// `socket.has_dualstack_ipv6()`: whether an `AF_INET6` stream socket can accept IPv4
/// connections too (`IPV6_V6ONLY` can be cleared).
///
/// ```
/// if sock::has_dualstack_ipv6() {
///     println!("one AF_INET6 socket can serve IPv4 clients too");
/// }
/// ```
pub fn has_dualstack_ipv6() -> bool {
    Socket::new(Family::INET6, Type::STREAM, None).is_ok_and(|s| s.set_only_v6(false).is_ok())
}
