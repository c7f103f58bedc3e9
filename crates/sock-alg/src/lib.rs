//! AF_ALG: the Linux kernel crypto API through sockets, as CPython's `socket` module offers it
//! and typed on top.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `alg`
//! feature and name it `sock::alg`. The SHA-256 of a buffer, computed by the kernel:
//!
//! ```no_run
//! let digest = sock::alg::Hash::new("sha256")?.digest(b"abc")?;
//! assert_eq!(digest.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
//! # Ok::<(), std::io::Error>(())
//! ```
//! It follows the family contract of [`sock_core::FamilyAddr`] and [`sock_core::ProtocolSocket`]:
//!
//! | family | address type(s) | text form example | typed socket(s) | constructor verbs |
//! | --- | --- | --- | --- | --- |
//! | `AF_ALG` | [`AlgAddr`] | `hash:sha256`, `skcipher:cbc(aes):0x0:0x80` | [`Hash`](struct@Hash), [`Skcipher`] (`ProtocolSocket`); [`Aead`], [`Rng`] | `new(name, ..)` (bind + accept), `bound(&addr, ..)`; `Hash::keyed`; CPython level: [`transform`]`(addr)` |
//!
//! Coming from Python:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `s = socket(AF_ALG, SOCK_SEQPACKET); s.bind(("hash", "sha256"))` | [`transform`]`(("hash", "sha256"))` |
//! | `op, _ = s.accept()` | [`accept`]`(&s)` |
//! | `s.setsockopt(SOL_ALG, ALG_SET_KEY, key)` | [`set_key`]`(&s, key)` |
//! | `s.setsockopt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, None, n)` | [`set_aead_authsize`]`(&s, n)` |
//! | `op.sendmsg_afalg([data], op=ALG_OP_ENCRYPT, iv=iv)` | [`sendmsg_afalg`]`(&op, &[IoSlice::new(data)], Op::ENCRYPT, Some(iv), None, 0)` (`ALG_OP_ENCRYPT` works too) |
//! | `ALG_*`, `SOL_ALG` | [`consts`] (re-exported here) |
//!
//! # Compatibility, not acceleration
//!
//! Use AF_ALG when a program must use the kernel's own implementation of an algorithm
//! (its FIPS-certified build, a key the kernel holds, a port of a Python program that uses
//! `AF_ALG`), never for speed. The kernel's documentation of the user-space interface
//! (`Documentation/crypto/userspace-if.rst`) now describes AF_ALG as deprecated: its zero-copy
//! path and off-CPU accelerators are gone, so every request is a copy into the kernel plus
//! syscalls, and it is always slower than an optimised user-space implementation, even for
//! large messages. This crate's benchmark measures it inside the test VM against the `sha2`
//! crate (`cargo xtask bench-report` with the VM's log, see BENCHMARKS.md): a pure-Rust SHA-256
//! is the faster way to hash, and the ratio there is the price of using the kernel's code.
//!
//! # Two levels
//!
//! **CPython's level**, on a plain [`sock_core::Socket`]: the address [`AlgAddr`]
//! (`(type, name, feat, mask)`, also accepted as the tuples `("hash", "sha256")` and
//! `("hash", "sha256", feat, mask)`), [`transform`] (socket + bind), [`accept`] (AF_ALG's
//! address-less accept), [`set_key`] (`ALG_SET_KEY`), [`set_aead_authsize`]
//! (`ALG_SET_AEAD_AUTHSIZE`, the NULL-value option), [`sendmsg_afalg`], the typed control
//! messages [`AlgCmsg`] for `send_msg`, and every `ALG_*` constant in [`consts`].
//!
//! **Typed**: [`Hash`](struct@Hash) (digests and HMAC; streaming, cloning a running state, zero-copy file
//! input), [`Skcipher`] (one-shot, streaming, zero-copy file input), [`Aead`] (tag checked,
//! [`AuthFailure`] on mismatch) and [`Rng`]. `X::new(name, ..)` binds a transform socket to
//! `(type, name)`, sets the key and accepts the operation socket; `X::bound(&addr, ..)` does
//! the same for any [`AlgAddr`] (`feat`/`mask`).
//!
//! ```no_run
//! use sock::alg::{Hash, Skcipher};
//! let digest = Hash::new("sha256")?.digest(b"abc")?;
//! println!("{digest}");
//! let file = std::fs::File::open("/etc/hostname")?;
//! let mut h = Hash::new("sha512")?;
//! h.update_file(&file, 0, None)?; // splice(2): the file never enters user space
//! println!("{}", h.finalize()?);
//! let mut ctr = Skcipher::new("ctr(aes)", &[0; 16])?;
//! let ct = ctr.encrypt(&[0; 16], b"any length works in CTR mode")?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Decisions
//!
//! - Errors are `std::io::Error` and say what failed on what. An unknown algorithm is
//!   `ENOENT` at bind (kind `NotFound`): `bind hash:sha999: no such algorithm (ENOENT)`, with
//!   a hint to `/proc/crypto`; a key of a length the algorithm refuses is `EINVAL`:
//!   `setsockopt ALG_SET_KEY (5-byte key): invalid key size for the algorithm (EINVAL)`; bad
//!   caller input (over-long type or name, NUL bytes) is `InvalidInput` naming the argument,
//!   with CPython's messages. Read the OS error code with [`sock_core::errno`]. The data path
//!   (`update`, `encrypt`, `sendmsg_afalg`...) passes the kernel's errors through untouched
//!   (an IV of the wrong length is the kernel's raw `EINVAL` there).
//! - `accept(2)` on AF_ALG fails with `ECONNABORTED` when given an address buffer (the kernel
//!   cannot name an AF_ALG peer), so [`accept`] passes NULL as CPython does; do not use the
//!   generic `Socket::accept` on these sockets.
//! - The `ALG_SET_IV` header's `cmsg_len` is `CMSG_LEN`, as `cmsg(3)` specifies (CPython
//!   writes `CMSG_SPACE` there).
//! - The typed objects own only their operation socket (the transform socket is closed after
//!   `accept`; the kernel keeps algorithm and key alive), except [`Rng`], which keeps its
//!   transform socket to allow reseeding.
//! - `nix` is used for `splice`, `pipe2` and `fcntl(F_SETPIPE_SZ)`.
//! - [`Hash`](struct@Hash) and [`Skcipher`] are `ProtocolSocket`s (`AF_ALG`,
//!   `SOCK_SEQPACKET`, protocol 0); the kernel cannot be asked whether a socket is a transform
//!   or an operation socket, or of which algorithm type, so only family and type are checked.
//!   [`Aead`] is not one (wrapping needs the tag length, which cannot be read back:
//!   [`Aead::from_socket`] takes it), nor is [`Rng`] (it holds two sockets).
//! - Decoding an address whose type or name is not UTF-8 is `InvalidData`; every other bad
//!   address is `InvalidInput`.

#![cfg_attr(
    all(feature = "tokio", feature = "async-io"),
    doc = "\n# Async\n",
    doc = include_str!("async_docs.md")
)]
#![cfg_attr(
    not(all(feature = "tokio", feature = "async-io")),
    doc = "\n# Async\n\nThe features `tokio` and `async-io` add the async sockets (`aio`, `tokio`, `async_io`); \
           these docs were built without both, see the docs built with `--all-features`."
)]

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod aead;
        pub mod consts;
        mod control;
        mod form;
        mod hash;
        mod options;
        mod rng;
        mod skcipher;
        mod socket;
        mod splice;
        mod text;

        pub use addr::{AlgAddr, NAME_MAX, TYPE_MAX};
        pub use form::AlgForm;
        pub use aead::{is_auth_failure, Aead, AuthFailure};
        pub use consts::*;
        pub use control::{AlgCmsg, Op};
        pub use hash::{Digest, Hash, MAX_DIGEST};
        pub use rng::Rng;
        pub use skcipher::{Skcipher, SkcipherStream};
        pub use options::{set_aead_authsize, set_drbg_entropy, set_key};
        pub use socket::{accept, sendmsg_afalg, transform};

        #[cfg(any(feature = "tokio", feature = "async-io"))]
        pub mod aio;

        /// The async crypto objects on tokio (feature `tokio`).
        #[cfg(feature = "tokio")]
        pub mod tokio {
            use sock_core::tokio::Reactor;
            /// A [`Hash`](struct@crate::Hash) registered with tokio's reactor.
            ///
            /// ```no_run
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// let mut h = sock::alg::tokio::AsyncHash::open("sha1")?;
            /// assert_eq!(h.digest(b"abc").await?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncHash = crate::aio::AsyncHash<Reactor<crate::Hash>>;
            /// A [`Skcipher`](crate::Skcipher) registered with tokio's reactor.
            ///
            /// ```no_run
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// let mut ctr = sock::alg::tokio::AsyncSkcipher::open("ctr(aes)", &[0; 16])?;
            /// assert_eq!(ctr.encrypt(&[0; 16], &[0; 16]).await?[..4], [0x66, 0xe9, 0x4b, 0xd4]);
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncSkcipher = crate::aio::AsyncSkcipher<Reactor<crate::Skcipher>>;
            /// An [`Aead`](crate::Aead) registered with tokio's reactor.
            ///
            /// ```no_run
            /// # #[tokio::main(flavor = "current_thread")]
            /// # async fn main() -> std::io::Result<()> {
            /// let mut gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
            /// let sealed = gcm.encrypt(&[0; 12], b"header", b"secret").await?;
            /// assert_eq!(gcm.decrypt(&[0; 12], b"header", &sealed).await?, b"secret");
            /// # Ok(())
            /// # }
            /// ```
            pub type AsyncAead = crate::aio::AsyncAead<Reactor<sock_core::Socket>>;
        }

        /// The async crypto objects on async-io (feature `async-io`).
        #[cfg(feature = "async-io")]
        pub mod async_io {
            use sock_core::async_io::Reactor;
            /// A [`Hash`](struct@crate::Hash) registered with async-io's reactor.
            ///
            /// ```no_run
            /// async_io::block_on(async {
            ///     let mut h = sock::alg::async_io::AsyncHash::open("sha1")?;
            ///     assert_eq!(h.digest(b"abc").await?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncHash = crate::aio::AsyncHash<Reactor<crate::Hash>>;
            /// A [`Skcipher`](crate::Skcipher) registered with async-io's reactor.
            ///
            /// ```no_run
            /// async_io::block_on(async {
            ///     let mut ctr = sock::alg::async_io::AsyncSkcipher::open("ctr(aes)", &[0; 16])?;
            ///     assert_eq!(ctr.encrypt(&[0; 16], &[0; 16]).await?[..4], [0x66, 0xe9, 0x4b, 0xd4]);
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncSkcipher = crate::aio::AsyncSkcipher<Reactor<crate::Skcipher>>;
            /// An [`Aead`](crate::Aead) registered with async-io's reactor.
            ///
            /// ```no_run
            /// async_io::block_on(async {
            ///     let mut gcm = sock::alg::async_io::AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
            ///     let sealed = gcm.encrypt(&[0; 12], b"header", b"secret").await?;
            ///     assert_eq!(gcm.decrypt(&[0; 12], b"header", &sealed).await?, b"secret");
            ///     Ok::<(), std::io::Error>(())
            /// })?;
            /// # Ok::<(), std::io::Error>(())
            /// ```
            pub type AsyncAead = crate::aio::AsyncAead<Reactor<sock_core::Socket>>;
        }
    } else {
        compile_error!("sock-alg needs Linux (AF_ALG is Linux-only)");
    }
}
