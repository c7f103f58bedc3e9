//! `AF_UNIX` for `sock`: pathname, abstract and unnamed addresses, `socketpair`, passing
//! file descriptors (`SCM_RIGHTS`) and credentials (`SCM_CREDENTIALS`, `SO_PEERCRED`).
//!
//! Part of the `sock` workspace; most programs use it through the `sock` facade (feature
//! `unix`). It builds on [`sock_core::Socket`] and is the model of the family contract
//! ([`sock_core::FamilyAddr`], sealed extension traits for options); its files are laid out
//! as every family crate's: `consts`, `addr` (the typed address), `text` (its text form),
//! `form` (CPython's other address forms), `options`, `ext` (the methods on `Socket`), then
//! the family's own modules (`creds`, `fds`, `rights`, `pair`, `std_net`).
//!
//! Coming from Python:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `s.bind('/path')`, `s.bind(b'\0name')`, `s.bind('')` | the same: `s.bind("/path")`, `s.bind(b"\0name")`, `s.bind("")` ([`UnixForm`]) or a [`UnixAddr`] |
//! | returned address `'/path'`, `b'\0name'`, `''` | [`UnixAddr`] through [`FamilyAddr::decode`](sock_core::FamilyAddr::decode) or [`UnixSocketExt::local_unix_addr`]; text form `/path`, `@name`, `""` |
//! | `socket.socketpair()` | [`socketpair`], [`socketpair_with`] |
//! | `socket.send_fds` / `socket.recv_fds` | [`send_fds`] / [`recv_fds`] (and [`UnixSocketExt::send_fds`] ...) |
//! | asyncio `loop.sock_sendmsg` with `SCM_RIGHTS`, `open_unix_connection` ... | `AsyncSocket` + `aio::AsyncUnixExt` (features `tokio`/`async-io`, see Async) |
//! | `SO_PEERCRED`, `SO_PASSCRED`, `SCM_CREDENTIALS` | [`UnixSocketExt::peer_cred`], [`UnixSocketExt::set_pass_cred`], [`Credentials`] |
//! | `AF_UNIX`, `SCM_RIGHTS`, `SO_PEERSEC` ... | [`consts`] (re-exported here) |
//!
//! Verbs-table row of the family contract:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_UNIX` | [`UnixAddr`] | `/run/app.sock`, `@name`, `""` | none: [`UnixSocketExt`] on `Socket` (sealed) | `Socket::new(Family::UNIX, ..)`, [`socketpair`] |
//!
//! - [`UnixAddr`] is the typed address, with a text form (`/run/app.sock`, `@abstract`, and
//!   `""` for unnamed) that round-trips for every address, non-UTF-8 bytes included.
//!   [`FamilyAddr::decode`](sock_core::FamilyAddr::decode) decodes what the kernel reports.
//! - Every method that takes an address accepts `UnixAddr` and the natural Rust forms
//!   (`&str`, `&Path`, `&[u8]`, `b"\0name"` ...), with CPython's rules: empty autobinds, a
//!   leading NUL is an abstract name, anything else a pathname (see [`UnixForm`]).
//! - [`send_fds`] and [`recv_fds`] are CPython's functions; received fds are `OwnedFd`s,
//!   close-on-exec, and never leak (they are owned right after `recvmsg` returns).
//! - [`UnixSocketExt`] adds the `AF_UNIX` methods to `Socket`: typed `local_unix_addr`,
//!   fd and credential passing, `SO_PEERCRED`/`SO_PEERSEC`/`SO_PASSCRED`, and conversion
//!   into `std::os::unix::net` sockets. The other direction needs nothing new:
//!   `Socket::from(OwnedFd::from(std_stream))`; addresses convert both ways with `From` /
//!   `TryFrom` (`std::os::unix::net::SocketAddr` ↔ [`UnixAddr`]).
//!
//! ```
//! use std::io::{IoSlice, IoSliceMut};
//! use std::os::fd::AsFd;
//! use sock::{FamilyAddr, Socket, Family, Type};
//! use sock::unix::{UnixAddr, UnixSocketExt};
//!
//! let server = Socket::new(Family::UNIX, Type::DGRAM, None)?;
//! server.bind(b"\0sock-unix-doc-example")?;
//! let client = Socket::new(Family::UNIX, Type::DGRAM, None)?;
//! client.bind("")?; // autobind: the kernel picks an abstract name
//!
//! // Pass one end of a fresh socketpair; keep the other.
//! let (mine, theirs) = sock::unix::socketpair()?;
//! client.send_fds_to(&[IoSlice::new(b"a socket")], &[theirs.as_fd()], 0, b"\0sock-unix-doc-example")?;
//!
//! let mut buf = [0u8; 16];
//! let (msg, mut fds) = server.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 4, 0)?;
//! assert_eq!(&buf[..msg.bytes], b"a socket");
//! assert_eq!(UnixAddr::decode(&msg.addr)?, client.local_unix_addr()?);
//! let passed = Socket::from_fd(fds.pop().expect("one fd"))?;
//! passed.send_all(b"over the passed fd")?;
//! assert_eq!(mine.recv_vec(32)?, b"over the passed fd");
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decisions written down here:
//! - A pathname's address length counts its terminating NUL (CPython, bpo-44493); an
//!   abstract name's length is exact; unnamed is the family alone, which autobinds.
//! - A NUL inside a pathname is refused (`InvalidInput`) rather than silently cutting the
//!   path, and so is a pathname of 108 bytes or more.
//! - An empty raw address (what `recvfrom` reports for an unbound sender) decodes as unnamed.
//! - More than [`SCM_MAX_FD`] fds to send is `InvalidInput`; `recv_fds` caps `maxfds` at it.
//! - No typed protocol socket: an `AF_UNIX` socket has no protocol structure beyond what
//!   `Socket` does, so the family's methods are a sealed extension trait ([`UnixSocketExt`]).
//! - Async: one shape for the families without a typed socket (inet, unix, vsock), see
//!   the Async section below.
//! - The escaping of names and paths in the text form (`\\`, `\xHH`) lives in one place,
//!   the `text` module, ready to move to `sock_core::text` if another family needs it.
//!
//! # Async
//!
//! With feature `tokio` or `async-io`, an `AF_UNIX` socket works asynchronously as
//! sock-core's `AsyncSocket` (`recv`, `send_all`, `accept`, AsyncRead/AsyncWrite ...). This
//! crate adds the sealed extension trait `aio::AsyncUnixExt`, implemented for
//! `Async<Socket, R>` of both runtimes: `send_fds`, `send_fds_to`, `recv_fds`,
//! `recv_fds_into`, `send_credentials`, `recv_credentials`, `recv_from_unix`,
//! `accept_unix`. The modules `tokio` and `async_io` re-export it with the runtime's
//! `AsyncSocket`, add `socketpair`, and (tokio) convert from and to
//! `tokio::net::{UnixStream, UnixListener, UnixDatagram}`.
//!
//! ```
//! # #[cfg(feature = "tokio")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use std::io::IoSlice;
//! use std::os::fd::AsFd;
//! use sock::unix::tokio::{socketpair, AsyncUnixExt};
//!
//! let (a, b) = socketpair()?;
//! let file = std::fs::File::open("/dev/null")?;
//! a.send_fds(&[IoSlice::new(b"a file")], &[file.as_fd()], 0).await?;
//! let (data, fds, _flags, _addr) = b.recv_fds(16, 4, 0).await?;
//! assert_eq!((data.as_slice(), fds.len()), (&b"a file"[..], 1));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "tokio"))]
//! # fn main() {}
//! ```

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        pub mod consts;
        mod creds;
        mod ext;
        mod fds;
        mod form;
        pub mod options;
        mod pair;
        mod rights;
        mod std_net;
        mod text;

        pub use addr::{UnixAddr, UnixAddrKind};
        pub use consts::*;
        pub use creds::Credentials;
        pub use ext::UnixSocketExt;
        pub use fds::{recv_fds, recv_fds_into, send_fds};
        pub use form::UnixForm;
        pub use pair::{socketpair, socketpair_with};
        pub use rights::push_rights;

        // Async (features `tokio`, `async-io`).
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;
        #[cfg(feature = "async-io")]
        pub mod async_io;
        #[cfg(feature = "tokio")]
        pub mod tokio;
    } else {
        compile_error!("sock-unix supports Linux only for now (abstract names, SCM_CREDENTIALS)");
    }
}
