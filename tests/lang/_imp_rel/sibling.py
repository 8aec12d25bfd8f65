S = "sib"
