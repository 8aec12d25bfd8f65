from ..sibling import S as S2
from .. import inner
