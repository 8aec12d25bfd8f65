LEAF = "leaf in namespace package"
