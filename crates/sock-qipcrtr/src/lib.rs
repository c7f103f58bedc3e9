//! AF_QIPCRTR: the Qualcomm IPC router, which carries datagrams between the application
//! processor and the co-processors (modem, DSPs) of Qualcomm platforms.
//!
//! CPython writes these addresses as `(node, port)`; here they are [`QipcrtrAddr`], which every
//! address-taking method of [`sock_core::Socket`] accepts, and which
//! [`FamilyAddr::decode`](sock_core::FamilyAddr::decode) makes of what
//! `local_addr`/`recv_from` return. The text form is `node:port` (`1:1024`; `0x` hex is
//! accepted too).
//!
//! Coming from Python:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `socket(AF_QIPCRTR, SOCK_DGRAM)` | `Socket::new(Family::QIPCRTR, Type::DGRAM, None)` |
//! | `(node, port)` | [`QipcrtrAddr::new`]`(node, port)` |
//! | returned `(node, port)` | `QipcrtrAddr::decode(&addr)` ([`FamilyAddr`](sock_core::FamilyAddr)) |
//! | `AF_QIPCRTR` | [`consts`] (re-exported here), with the `QRTR_*` numbers of `<linux/qrtr.h>` |
//!
//! Verbs-table row of the family contract:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_QIPCRTR` | [`QipcrtrAddr`] | `1:1024` | none (no options: plain `Socket`) | `Socket::new(Family::QIPCRTR, Type::DGRAM, None)` |
//!
//! ```no_run
//! use sock::{Family, FamilyAddr, Socket, Type};
//! use sock::qipcrtr::QipcrtrAddr;
//!
//! // Needs a kernel with the `qrtr` module.
//! let sock = Socket::new(Family::QIPCRTR, Type::DGRAM, None)?;
//! let node = QipcrtrAddr::decode(&sock.local_addr()?)?.node;
//! sock.bind(QipcrtrAddr::new(node, 0))?; // port 0: the kernel picks one
//! assert_ne!(QipcrtrAddr::decode(&sock.local_addr()?)?.port, 0);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decisions: there is no `(u32, u32)` tuple form, because vsock's `(cid, port)` has the same
//! shape; write `QipcrtrAddr::new(node, port)`. The family has no socket options and no
//! protocol structure, so there is neither a typed socket nor an extension trait (and no
//! `form`/`options`/`ext` modules).
//!
//! # Async
//!
//! There is no typed socket, so there is no async type here either: a plain `Socket`
//! registered with the runtime — `sock_core::tokio::AsyncSocket` (`sock::tokio::AsyncSocket`)
//! or `sock_core::async_io::AsyncSocket` — is the async QIPCRTR socket. Its `send_to` takes a
//! [`QipcrtrAddr`], its `recv_from` returns the sender as a `SockAddr` that
//! [`QipcrtrAddr::decode`](sock_core::FamilyAddr::decode) types; both are cancel safe (one
//! syscall that happened or did not). The features `tokio` and `async-io` of this crate only
//! turn on sock-core's.
//!
//! ```no_run
//! # #[cfg(feature = "tokio")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use sock::core::tokio::AsyncSocket; // `sock::tokio::AsyncSocket` with the facade's `tokio` feature
//! use sock::{Family, FamilyAddr, Socket, Type};
//! use sock::qipcrtr::QipcrtrAddr;
//!
//! // Needs a kernel with the `qrtr` module.
//! let sock = AsyncSocket::new(Socket::new(Family::QIPCRTR, Type::DGRAM, None)?)?;
//! let node = QipcrtrAddr::decode(&sock.socket().local_addr()?)?.node;
//! sock.socket().bind(QipcrtrAddr::new(node, 0))?;
//! let me = QipcrtrAddr::decode(&sock.socket().local_addr()?)?;
//! sock.send_to(b"ping", me).await?;
//! let mut buf = [0u8; 16];
//! let (n, from) = sock.recv_from(&mut buf).await?;
//! assert_eq!((&buf[..n], QipcrtrAddr::decode(&from)?), (&b"ping"[..], me));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "tokio"))]
//! # fn main() {}
//! ```
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `qipcrtr` feature.

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        pub mod consts;
        mod text;

        pub use addr::QipcrtrAddr;
        pub use consts::*;
    } else {
        compile_error!("sock-qipcrtr supports Linux only");
    }
}
