//! AF_ALG: the Linux kernel crypto API through sockets, as CPython's `socket` module offers it
//! and typed on top.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the `alg`
//! feature.
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
//! [`AuthFailure`] on mismatch) and [`Rng`].
//!
//! ```no_run
//! use sock_alg::{Hash, Skcipher};
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
//! - Errors are `std::io::Error`. An unknown algorithm is `ENOENT` at bind (kind `NotFound`);
//!   a wrong key or IV length is the kernel's `EINVAL`; bad caller input (over-long type or
//!   name, NUL bytes) is `InvalidInput` naming the argument, with CPython's messages.
//! - `accept(2)` on AF_ALG fails with `ECONNABORTED` when given an address buffer (the kernel
//!   cannot name an AF_ALG peer), so [`accept`] passes NULL as CPython does; do not use the
//!   generic `Socket::accept` on these sockets.
//! - The `ALG_SET_IV` header's `cmsg_len` is `CMSG_LEN`, as `cmsg(3)` specifies (CPython
//!   writes `CMSG_SPACE` there).
//! - The typed objects own only their operation socket (the transform socket is closed after
//!   `accept`; the kernel keeps algorithm and key alive), except [`Rng`], which keeps its
//!   transform socket to allow reseeding.
//! - `nix` is used for `splice`, `pipe2` and `fcntl(F_SETPIPE_SZ)`.

cfg_if::cfg_if! {
    if #[cfg(target_os = "linux")] {
        mod addr;
        mod aead;
        pub mod consts;
        mod control;
        mod hash;
        mod rng;
        mod skcipher;
        mod socket;
        mod splice;

        pub use addr::{AlgAddr, AlgForm, NAME_MAX, TYPE_MAX};
        pub use aead::{is_auth_failure, Aead, AuthFailure};
        pub use consts::*;
        pub use control::{AlgCmsg, Op};
        pub use hash::{Digest, Hash, MAX_DIGEST};
        pub use rng::Rng;
        pub use skcipher::{Skcipher, SkcipherStream};
        pub use socket::{accept, sendmsg_afalg, set_aead_authsize, set_drbg_entropy, set_key, transform};
    } else {
        compile_error!("sock-alg needs Linux (AF_ALG is Linux-only)");
    }
}
