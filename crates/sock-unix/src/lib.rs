//! AF_UNIX: path, abstract and unnamed addresses, socketpair, fd and credential passing.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
