//! AF_VSOCK: VM sockets.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
