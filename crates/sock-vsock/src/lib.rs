//! AF_VSOCK: VM sockets, the host ↔ guest transport of virtual machines (and, with the
//! `vsock_loopback` module, a node-local loopback).
//!
//! Coming from Python — what CPython's `socket` module offers for `AF_VSOCK`, typed:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `(cid, port)` address tuple | [`VsockAddr`] (`From<(u32, u32)>`; text form `cid:port`, e.g. `2:1234`) |
//! | returned `(cid, port)` | [`FamilyAddr::decode`](sock_core::FamilyAddr::decode) (or `VsockAddr::try_from(&addr)`) |
//! | `VMADDR_*`, `SO_VM_SOCKETS_*`, `IOCTL_VM_SOCKETS_GET_LOCAL_CID` | [`consts`] (re-exported here) |
//! | `fcntl.ioctl(open("/dev/vsock"), IOCTL_VM_SOCKETS_GET_LOCAL_CID, …)` | [`local_cid`] |
//! | `s.setsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, n)` (a 64-bit value) | [`VsockSocketExt::set_buffer_size`]`(n)` or `s.set(`[`BUFFER_SIZE`]`, &n)` |
//! | `s.getsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_MIN_SIZE)` / `_MAX_SIZE` | [`VsockSocketExt::buffer_min_size`] / [`VsockSocketExt::buffer_max_size`] |
//! | `SO_VM_SOCKETS_CONNECT_TIMEOUT` (a `struct timeval`) | [`VsockSocketExt::set_connect_timeout`] |
//!
//! ```no_run
//! use sock::{Family, FamilyAddr, Socket, Type};
//! use sock::vsock::{VsockAddr, VMADDR_CID_ANY, VMADDR_CID_LOCAL};
//!
//! let server = Socket::new(Family::VSOCK, Type::STREAM, None)?;
//! server.bind(VsockAddr::new(VMADDR_CID_ANY, 1234))?;
//! server.listen(None)?;
//! let client = Socket::new(Family::VSOCK, Type::STREAM, None)?;
//! client.connect(VsockAddr::new(VMADDR_CID_LOCAL, 1234))?;
//! let (conn, peer) = server.accept()?;
//! println!("accepted {}", VsockAddr::decode(&peer)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Verbs-table row of the family contract:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_VSOCK` | [`VsockAddr`] | `2:1234` | none: [`VsockSocketExt`] on `Socket` (sealed) | `Socket::new(Family::VSOCK, ..)` |
//!
//! Decisions:
//! - The address carries only `(cid, port)` as in CPython; [`FamilyAddr::encode`](sock_core::FamilyAddr::encode) writes
//!   `svm_flags = 0`, and the one extra encoder [`VsockAddr::encode_with_flags`] sets them
//!   (for example [`VMADDR_FLAG_TO_HOST`]); decoding ignores them.
//! - Numbers in the text form follow the workspace rule (decimal or `0x` hex, no sign).
//! - Options live at level `AF_VSOCK` and are 64-bit, as the kernel wants them (CPython
//!   always passes a `u64` for this family); there is no typed socket, so they are methods of
//!   the sealed [`VsockSocketExt`] on `Socket` and [`SockOpt`](sock_core::SockOpt)s in
//!   [`options`].
//!
//! # Async
//!
//! With feature `tokio` or `async-io`, a vsock socket of any type (stream, datagram,
//! seqpacket) works asynchronously as sock-core's `AsyncSocket` (`connect`, `accept`,
//! `recv`, `send`, AsyncRead/AsyncWrite). In the one shape of the families without a typed
//! socket (inet, unix, vsock), this crate adds the sealed extension trait
//! `aio::AsyncVsockExt` on `Async<Socket, R>` (`accept_vsock`, `recv_from_vsock`: the peer
//! as a [`VsockAddr`]), re-exported with the runtime's `AsyncSocket` by the modules `tokio`
//! and `async_io`.
//!
//! ```no_run
//! # #[cfg(feature = "tokio")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use sock::{Family, Socket, Type};
//! use sock::vsock::tokio::{AsyncSocket, AsyncVsockExt};
//! use sock::vsock::{VsockAddr, VMADDR_CID_ANY, VMADDR_CID_LOCAL};
//!
//! let server = Socket::new(Family::VSOCK, Type::STREAM, None)?;
//! server.bind(VsockAddr::new(VMADDR_CID_ANY, 1234))?;
//! server.listen(None)?;
//! let server = AsyncSocket::new(server)?;
//! let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::STREAM, None)?)?;
//! let (connected, accepted) = tokio::join!(client.connect(VsockAddr::new(VMADDR_CID_LOCAL, 1234)), server.accept_vsock());
//! connected?;
//! let (conn, peer) = accepted?;
//! println!("accepted {peer}");
//! client.send_all(b"hello").await?;
//! let mut buf = [0u8; 5];
//! conn.recv(&mut buf).await?;
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "tokio"))]
//! # fn main() {}
//! ```

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod cid;
        pub mod consts;
        mod ext;
        mod form;
        pub mod options;
        mod text;

        pub use addr::VsockAddr;
        pub use cid::local_cid;
        pub use consts::*;
        pub use ext::VsockSocketExt;
        pub use options::{BUFFER_MAX_SIZE, BUFFER_MIN_SIZE, BUFFER_SIZE};

        // Async (features `tokio`, `async-io`).
        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;
        #[cfg(feature = "async-io")]
        pub mod async_io;
        #[cfg(feature = "tokio")]
        pub mod tokio;
    } else {
        compile_error!("sock-vsock supports Linux only");
    }
}
